namespace Mielto.Client;

/// <summary>One page of chunks.</summary>
/// <param name="Chunks">The chunks of this page.</param>
/// <param name="NextCursor">The cursor of the next page, or null at the end.</param>
/// <param name="HasMore">True when there is a next page.</param>
public sealed record ChunkPage(IReadOnlyList<CollectionChunk> Chunks, string? NextCursor, bool HasMore);
