namespace Mielto.Client;

/// <summary>Which contents to list (<c>GET /api/v1/contents</c>): one page by offset, with filters and an order.</summary>
public sealed record ContentListOptions
{
    /// <summary>Only the contents of this collection.</summary>
    public string? CollectionId { get; init; }

    /// <summary>Only contents in this state.</summary>
    public ContentStatus? Status { get; init; }

    /// <summary>How many matching contents to skip first. Defaults to 0.</summary>
    public int Skip { get; init; }

    /// <summary>The page size, 1 to 1,000; null for the server's (100).</summary>
    public int? Limit { get; init; }

    /// <summary>The order: <c>created_at</c> (the server's default), <c>updated_at</c>, <c>name</c> or <c>size</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary>Ascending or descending (the server's default).</summary>
    public ListSortOrder? SortOrder { get; init; }
}
