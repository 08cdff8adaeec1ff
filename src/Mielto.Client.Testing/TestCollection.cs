using System.Text.Json;

namespace Mielto.Client.Testing;

/// <summary>A knowledge collection as the stand-in keeps it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="WorkspaceId">The workspace it is in.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Status">Its status: <c>active</c> unless set.</param>
/// <param name="Visibility">Its visibility: <c>private</c> unless set.</param>
/// <param name="StoreType">Its store type: <c>pgvector</c> unless set.</param>
/// <param name="Tags">Its tags, if any.</param>
/// <param name="MetaData">Its metadata, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The stand-in's Mielto collection, as Collection is the SDK's; a record, never a .NET collection.")]
public sealed record TestCollection(
    string Id,
    string WorkspaceId,
    string Name,
    string? Description,
    string Status,
    string Visibility,
    string StoreType,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, JsonElement>? MetaData,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
