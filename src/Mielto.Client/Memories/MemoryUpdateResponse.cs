using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>The result of updating a memory.</summary>
public sealed record MemoryUpdateResponse
{
    /// <summary>The id of the updated memory.</summary>
    [JsonPropertyName("memory_id")]
    public required string MemoryId { get; init; }

    /// <summary>The server's confirmation message; empty when it sent none.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;

    /// <summary>The memory as it is now.</summary>
    [JsonPropertyName("memory")]
    public required Memory Memory { get; init; }
}
