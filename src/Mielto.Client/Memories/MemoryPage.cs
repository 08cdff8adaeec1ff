namespace Mielto.Client;

/// <summary>One page of a listing.</summary>
public sealed record MemoryPage
{
    /// <summary>The memories of this page.</summary>
    public required IReadOnlyList<Memory> Memories { get; init; }

    /// <summary>The cursor of the next page (<see cref="MemoryListOptions.Cursor"/>); null when there is none.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when the server says more pages follow.</summary>
    public bool HasMore { get; init; }

    /// <summary>The server's <c>total_count</c>, documented as the number of memories in this page; null when it sent none.</summary>
    public int? TotalCount { get; init; }
}
