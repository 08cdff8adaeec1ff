using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>One chunk a collection search found.</summary>
public sealed record CollectionSearchResult
{
    /// <summary>The chunk's text.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>Its relevance, 0 to 1.</summary>
    [JsonPropertyName("score")]
    public double Score { get; init; }

    /// <summary>The chunk's metadata, any JSON.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The content (document) the chunk is from.</summary>
    [JsonPropertyName("content_id")]
    public string? ContentId { get; init; }

    /// <summary>Where the content came from: a file name or a URL, say.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
