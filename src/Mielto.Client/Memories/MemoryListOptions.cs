namespace Mielto.Client;

/// <summary>
/// What to list, and in which order. Only the options that are set are sent; the server's defaults apply to the
/// rest (50 per page, newest <c>updated_at</c> first).
/// </summary>
public sealed record MemoryListOptions
{
    /// <summary>Only this user's memories, sent as <c>user_id</c>.</summary>
    public string? UserId { get; init; }

    /// <summary>Where to start: the <see cref="MemoryPage.NextCursor"/> of the page before; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>How many memories per page, from 1 to 100 (checked before sending).</summary>
    public int? Limit { get; init; }

    /// <summary>The field to sort by, such as <c>updated_at</c>, <c>created_at</c> or <c>memory_id</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary>The order, sent as <c>asc</c> or <c>desc</c>.</summary>
    public MemorySortOrder? SortOrder { get; init; }
}
