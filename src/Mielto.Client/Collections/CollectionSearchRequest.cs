using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A search of one collection's chunks (<c>POST /api/v1/collections/search</c>).</summary>
public sealed record CollectionSearchRequest
{
    /// <summary>What to look for.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>The collection to search.</summary>
    [JsonPropertyName("collection_id")]
    public required string CollectionId { get; init; }

    /// <summary>How to search; null for the server's default (hybrid).</summary>
    [JsonPropertyName("search_type")]
    public CollectionSearchType? SearchType { get; init; }

    /// <summary>The most results, 1 to 100, sent as <c>k</c> as both official SDKs send it; null for the server's (10).</summary>
    [JsonPropertyName("k")]
    public int? K { get; init; }

    /// <summary>The lowest score a result may have, 0 to 1.</summary>
    [JsonPropertyName("score_threshold")]
    public double? ScoreThreshold { get; init; }

    /// <summary>Filters, any JSON object, passed as given (the API does not document their syntax).</summary>
    [JsonPropertyName("filters")]
    public JsonElement? Filters { get; init; }

    /// <summary>Filters on the chunks' metadata, any JSON object, passed as given.</summary>
    [JsonPropertyName("metadata_filters")]
    public JsonElement? MetadataFilters { get; init; }
}
