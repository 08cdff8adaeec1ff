using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A memory to create (the API's <c>MemoryCreate</c>). Fields left null are not sent.</summary>
/// <example>
/// <code>
/// var created = await memories.CreateAsync(new MemoryCreateRequest
/// {
///     UserId = "user_42",
///     Content = "Prefers green tea in the morning",
///     Topics = ["preferences"],
/// });
/// </code>
/// </example>
public sealed record MemoryCreateRequest
{
    /// <summary>The user who will own the memory. Required.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>What the memory says (<c>memory</c> on the wire). Required.</summary>
    [JsonPropertyName("memory")]
    public required string Content { get; init; }

    /// <summary>The kind of memory; the server's default (<see cref="MemoryType.User"/>) when null.</summary>
    [JsonPropertyName("memory_type")]
    public MemoryType? MemoryType { get; init; }

    /// <summary>Its topics.</summary>
    [JsonPropertyName("topics")]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Free-form metadata: any JSON, sent exactly.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
