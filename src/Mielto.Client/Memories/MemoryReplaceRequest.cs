using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// The whole new state of a memory (the API's <c>MemoryReplace</c>): the memory keeps its id and creation time,
/// and everything else is replaced. Topics and metadata left null are not sent.
/// </summary>
public sealed record MemoryReplaceRequest
{
    /// <summary>The new content (<c>memory</c> on the wire). Required.</summary>
    [JsonPropertyName("memory")]
    public required string Content { get; init; }

    /// <summary>The user who owns the memory, sent as <c>user_id</c> in the body; only the owner may replace it.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The new topics.</summary>
    [JsonPropertyName("topics")]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>The new metadata.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
