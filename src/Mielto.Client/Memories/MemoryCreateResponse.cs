using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>The result of creating a memory.</summary>
public sealed record MemoryCreateResponse
{
    /// <summary>The id Mielto gave the new memory.</summary>
    [JsonPropertyName("memory_id")]
    public required string MemoryId { get; init; }

    /// <summary>The server's confirmation message; empty when it sent none.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;

    /// <summary>The memory as created, with its timestamps.</summary>
    [JsonPropertyName("memory")]
    public required Memory Memory { get; init; }
}
