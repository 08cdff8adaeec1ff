using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>The result of replacing a memory: what it was, and what it is now.</summary>
public sealed record MemoryReplaceResponse
{
    /// <summary>The id of the replaced memory, which did not change.</summary>
    [JsonPropertyName("memory_id")]
    public required string MemoryId { get; init; }

    /// <summary>The server's confirmation message; empty when it sent none.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;

    /// <summary>The memory before the replacement.</summary>
    [JsonPropertyName("old_memory")]
    public required Memory OldMemory { get; init; }

    /// <summary>The memory after the replacement.</summary>
    [JsonPropertyName("new_memory")]
    public required Memory NewMemory { get; init; }
}
