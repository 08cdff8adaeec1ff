using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>How a reader cuts text into chunks (<see cref="ReaderConfiguration.Chunk"/>).</summary>
public sealed record ReaderChunking
{
    /// <summary>The strategy, as the server names it.</summary>
    [JsonPropertyName("strategy")]
    public string? Strategy { get; init; }

    /// <summary>The size of a chunk.</summary>
    [JsonPropertyName("chunk_size")]
    public int? ChunkSize { get; init; }

    /// <summary>How much consecutive chunks overlap.</summary>
    [JsonPropertyName("chunk_overlap")]
    public int? ChunkOverlap { get; init; }

    /// <summary>The most chunks to make.</summary>
    [JsonPropertyName("max_chunks")]
    public int? MaxChunks { get; init; }

    /// <summary>Where text may be cut.</summary>
    [JsonPropertyName("separators")]
    public IReadOnlyList<string>? Separators { get; init; }
}
