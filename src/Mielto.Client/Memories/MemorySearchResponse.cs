using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>The memories a search found, best first.</summary>
public sealed record MemorySearchResponse
{
    /// <summary>The memories found.</summary>
    [JsonPropertyName("memories")]
    public required IReadOnlyList<Memory> Memories { get; init; }

    /// <summary>How many the server found.</summary>
    [JsonPropertyName("total_results")]
    public int TotalResults { get; init; }

    /// <summary>The query the server ran.</summary>
    [JsonPropertyName("query")]
    public string Query { get; init; } = string.Empty;

    /// <summary>The retrieval method the server used.</summary>
    [JsonPropertyName("retrieval_method")]
    public RetrievalMethod RetrievalMethod { get; init; }
}
