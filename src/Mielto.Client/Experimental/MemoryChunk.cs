using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A chunk of stored memory content, with its embedding when asked for.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryChunk
{
    /// <summary>The chunk's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its text.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>The content it was cut from.</summary>
    [JsonPropertyName("content_id")]
    public string? ContentId { get; init; }

    /// <summary>The collection it belongs to.</summary>
    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    [JsonPropertyName("workspace_id")]
    public string? WorkspaceId { get; init; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Its embedding, as Microsoft.Extensions.AI holds vectors; null unless asked for (<see cref="MemoryChunkListOptions.IncludeEmbedding"/>).</summary>
    [JsonPropertyName("embedding")]
    public ReadOnlyMemory<float>? Embedding { get; init; }

    /// <summary>Its metadata, any JSON.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>When it was made; a timestamp without an offset is UTC.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }
}
