using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>
/// A memory list page as the API sent it, each memory kept as its own JSON (every field, the ones the SDK does not
/// model and the nulls included), for an export that must write what the API returned.
/// </summary>
internal sealed class MemoryListRawWire
{
    [JsonPropertyName("memories")]
    public IReadOnlyList<JsonElement>? Memories { get; init; }

    [JsonPropertyName("data")]
    public IReadOnlyList<JsonElement>? Data { get; init; }

    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    /// <summary>The page's memories: under either array name.</summary>
    public IReadOnlyList<JsonElement> Items => Memories ?? Data ?? [];

    /// <summary>True when the page has its array and each item is a memory object with its ids.</summary>
    public bool IsComplete() =>
        (Memories ?? Data) is { } items
        && items.All(m => m.ValueKind == JsonValueKind.Object && Id(m, "memory_id") is not null && Id(m, "user_id") is not null);

    /// <summary>A string member of a memory object, or null.</summary>
    public static string? Id(JsonElement memory, string name) =>
        memory.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
