namespace Mielto.Client;

/// <summary>The direction of a listing's order.</summary>
public enum ListSortOrder
{
    /// <summary>Smallest or oldest first (<c>asc</c>).</summary>
    Ascending,

    /// <summary>Largest or newest first (<c>desc</c>).</summary>
    Descending,
}
