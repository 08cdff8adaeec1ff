using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>
/// A list page as it arrives: the docs name its array <c>memories</c>, both official SDKs read <c>data</c>, so
/// either is accepted.
/// </summary>
internal sealed class MemoryListWire
{
    [JsonPropertyName("memories")]
    public IReadOnlyList<Memory>? Memories { get; init; }

    [JsonPropertyName("data")]
    public IReadOnlyList<Memory>? Data { get; init; }

    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    [JsonPropertyName("total_count")]
    public int? TotalCount { get; init; }

    /// <summary>The page, once <see cref="ResponseChecks.IsComplete(MemoryListWire)"/> has checked it.</summary>
    public MemoryPage ToPage() => new() { Memories = Memories ?? Data!, NextCursor = NextCursor, HasMore = HasMore, TotalCount = TotalCount };
}
