using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client;

/// <summary>Which memory chunks to list. Only the options that are set are sent.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryChunkListOptions
{
    /// <summary>Only this user's chunks, sent as <c>user_id</c>.</summary>
    public string? UserId { get; init; }

    /// <summary>Where to start: the <see cref="MemoryChunkPage.NextCursor"/> of the page before; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>How many chunks per page, from 1 to 100 (checked before sending).</summary>
    public int? Limit { get; init; }

    /// <summary>True to receive each chunk's <see cref="MemoryChunk.Embedding"/>.</summary>
    public bool? IncludeEmbedding { get; init; }
}
