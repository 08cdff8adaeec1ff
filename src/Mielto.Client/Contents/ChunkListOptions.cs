namespace Mielto.Client;

/// <summary>Which chunks to list (<c>GET /api/v1/chunks</c>): one page by cursor.</summary>
public sealed record ChunkListOptions
{
    /// <summary>Only the chunks of this collection (sent both as the documented query <c>collection_id</c> and as the official SDKs' <c>X-Collection-Id</c> header).</summary>
    public string? CollectionId { get; init; }

    /// <summary>Only the chunks of this content.</summary>
    public string? ContentId { get; init; }

    /// <summary>Where to start: the <see cref="ChunkPage.NextCursor"/> of the page before; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>The page size, 1 to 500; null for the server's (50).</summary>
    public int? Limit { get; init; }

    /// <summary>True to receive each chunk's <see cref="CollectionChunk.Embedding"/>.</summary>
    public bool? IncludeEmbedding { get; init; }
}
