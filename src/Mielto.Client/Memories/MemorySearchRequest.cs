using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A search of memories (the API's <c>MemorySearchRequest</c>). Fields left null are not sent.</summary>
public sealed record MemorySearchRequest
{
    /// <summary>What to look for. Required.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>Whose memories to search; null searches as the API key allows.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The most results, from 1 to 100 (checked before sending); the server's default (10) when null.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary>How to search; the server's default (<see cref="RetrievalMethod.Agentic"/>) when null.</summary>
    [JsonPropertyName("retrieval_method")]
    public RetrievalMethod? RetrievalMethod { get; init; }
}
