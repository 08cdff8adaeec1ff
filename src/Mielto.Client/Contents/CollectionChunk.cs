using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A chunk of a collection's content: a piece of a document, as it was embedded and is searched.</summary>
public sealed record CollectionChunk
{
    /// <summary>The chunk's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its text.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>The content (document) it is from.</summary>
    [JsonPropertyName("content_id")]
    public string? ContentId { get; init; }

    /// <summary>The collection it is in.</summary>
    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>Its place in the content, from 0.</summary>
    [JsonPropertyName("chunk_index")]
    public int? ChunkIndex { get; init; }

    /// <summary>Its size.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>Its metadata, any JSON.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Its embedding, as Microsoft.Extensions.AI holds vectors; null unless asked for (<see cref="ChunkListOptions.IncludeEmbedding"/>).</summary>
    [JsonPropertyName("embedding")]
    public ReadOnlyMemory<float>? Embedding { get; init; }

    /// <summary>When it was created (integer Unix seconds on the wire, or an ISO string).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }
}
