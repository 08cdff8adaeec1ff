using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>A page of chunks as it arrives: the official SDKs read the array under <c>data</c>.</summary>
internal sealed class ChunkListWire
{
    [JsonPropertyName("data")]
    public IReadOnlyList<MemoryChunk>? Data { get; init; }

    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    [JsonPropertyName("total_count")]
    public int? TotalCount { get; init; }

    /// <summary>The page, once <see cref="ResponseChecks"/> has checked it.</summary>
    public MemoryChunkPage ToPage() => new() { Chunks = Data!, NextCursor = NextCursor, HasMore = HasMore, TotalCount = TotalCount };
}
