using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>The chunk list's wire form: the chunks under <c>chunks</c> (the docs) or <c>data</c> (the official SDKs).</summary>
internal sealed record CollectionChunkListWire
{
    [JsonPropertyName("chunks")]
    public IReadOnlyList<CollectionChunk>? Chunks { get; init; }

    [JsonPropertyName("data")]
    public IReadOnlyList<CollectionChunk>? Data { get; init; }

    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    public bool IsComplete() => (Chunks ?? Data) is { } items && items.All(c => c is { Id: not null, Content: not null });

    public ChunkPage ToPage() => new((Chunks ?? Data)!, NextCursor, HasMore);
}
