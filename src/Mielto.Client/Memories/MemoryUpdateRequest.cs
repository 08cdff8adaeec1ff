using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// A partial update of a memory (the API's <c>MemoryUpdate</c>): only the fields that are set are sent, and the
/// server changes only those. At least one must be set.
/// </summary>
/// <remarks>
/// Mielto's API reference does not say whether a JSON <c>null</c> clears a field or is ignored, so the SDK never
/// sends one: a property left null means "leave it as it is". To empty the topics send an empty list, and to
/// empty the metadata an empty dictionary; to replace the whole memory use <see cref="IMemoriesClient.ReplaceAsync"/>.
/// </remarks>
public sealed record MemoryUpdateRequest
{
    /// <summary>The user who owns the memory, sent as <c>user_id</c> in the body; only the owner may update it.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The new content (<c>memory</c> on the wire).</summary>
    [JsonPropertyName("memory")]
    public string? Content { get; init; }

    /// <summary>The new topics; an empty list empties them.</summary>
    [JsonPropertyName("topics")]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>The new metadata; an empty dictionary empties it.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
