using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// A content of a collection: one document (a file, a page, a text) uploaded into it, with where its ingestion stands
/// (the API's <c>ContentRead</c>). Its timestamps come as integers (Unix seconds) and are read as times.
/// </summary>
public sealed record CollectionContent
{
    /// <summary>The content's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its name: the file name, the page title, or a label given at upload.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Its description, if any.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Its metadata, any JSON.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Its type, a MIME type such as <c>application/pdf</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Its size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>Where its ingestion stands: new, processing, completed, failed.</summary>
    [JsonPropertyName("status")]
    public ContentStatus? Status { get; init; }

    /// <summary>What the server says of that status: why it failed, say.</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; init; }

    /// <summary>The hash of its data, if the server computed one.</summary>
    [JsonPropertyName("content_hash")]
    public string? ContentHash { get; init; }

    /// <summary>The collection it is in.</summary>
    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>The workspace it is in.</summary>
    [JsonPropertyName("workspace_id")]
    public string? WorkspaceId { get; init; }

    /// <summary>An id of your own, if one was given.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
