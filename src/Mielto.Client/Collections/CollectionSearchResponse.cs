using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What a collection search found, most relevant first.</summary>
public sealed record CollectionSearchResponse
{
    /// <summary>The results.</summary>
    [JsonPropertyName("results")]
    public required IReadOnlyList<CollectionSearchResult> Results { get; init; }

    /// <summary>How many results the server reports.</summary>
    [JsonPropertyName("total_results")]
    public int? TotalResults { get; init; }

    /// <summary>The query, as the server read it.</summary>
    [JsonPropertyName("query")]
    public string? Query { get; init; }

    /// <summary>How the server searched.</summary>
    [JsonPropertyName("search_type")]
    public CollectionSearchType? SearchType { get; init; }

    /// <summary>The collection searched.</summary>
    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>How long the search took on the server, in milliseconds.</summary>
    [JsonPropertyName("execution_time_ms")]
    public double? ExecutionTimeMs { get; init; }
}
