using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client;

/// <summary>One page of memory chunks.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryChunkPage
{
    /// <summary>The chunks of this page.</summary>
    public required IReadOnlyList<MemoryChunk> Chunks { get; init; }

    /// <summary>The cursor of the next page; null when there is none.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when the server says more pages follow.</summary>
    public bool HasMore { get; init; }

    /// <summary>The server's <c>total_count</c>; null when it sent none.</summary>
    public int? TotalCount { get; init; }
}
