using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A knowledge collection: a team's documents, chunked and searchable (the API's <c>CollectionRead</c>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Collection is the API's name for the resource, and both official SDKs'; it is a record, never a .NET collection.")]
public sealed record Collection
{
    /// <summary>The collection's id, such as <c>col_123</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Its description, if any.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The vector store behind it.</summary>
    [JsonPropertyName("store_type")]
    public CollectionStoreType? StoreType { get; init; }

    /// <summary>Who can see it.</summary>
    [JsonPropertyName("visibility")]
    public CollectionVisibility? Visibility { get; init; }

    /// <summary>Its state: active, archived, being deleted…</summary>
    [JsonPropertyName("status")]
    public CollectionStatus? Status { get; init; }

    /// <summary>Its tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The collection it is nested in, if any.</summary>
    [JsonPropertyName("parent_id")]
    public string? ParentId { get; init; }

    /// <summary>What the server counts of it, such as <c>document_count</c> and <c>total_size_mb</c>, as it sends them.</summary>
    [JsonPropertyName("stats")]
    public IReadOnlyDictionary<string, JsonElement>? Stats { get; init; }

    /// <summary>Your metadata, any JSON (the API names it <c>meta_data</c>).</summary>
    [JsonPropertyName("meta_data")]
    public IReadOnlyDictionary<string, JsonElement>? MetaData { get; init; }

    /// <summary>Its settings, as the server sends them.</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, JsonElement>? Settings { get; init; }

    /// <summary>Its embedding configuration, such as <c>provider</c>, <c>model</c> and <c>dimensions</c>.</summary>
    [JsonPropertyName("embedding")]
    public IReadOnlyDictionary<string, JsonElement>? Embedding { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    [JsonPropertyName("workspace_id")]
    public string? WorkspaceId { get; init; }

    /// <summary>Who created it.</summary>
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }

    /// <summary>When it was created (UTC when the server sends no offset).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
