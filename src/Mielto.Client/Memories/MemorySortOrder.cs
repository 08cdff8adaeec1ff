namespace Mielto.Client;

/// <summary>The order of a listing, sent as <c>sort_order</c>.</summary>
public enum MemorySortOrder
{
    /// <summary>Smallest first (<c>asc</c>).</summary>
    Ascending,

    /// <summary>Largest first (<c>desc</c>), the server's default.</summary>
    Descending,
}
