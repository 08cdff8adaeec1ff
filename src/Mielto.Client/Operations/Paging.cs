using System.Runtime.CompilerServices;

namespace Mielto.Client.Operations;

/// <summary>
/// The paging loop every cursor-paged listing shares: pages are fetched only as they are consumed, none after the
/// consumer stops; cancellation is honoured within and between pages; paging ends when the server says there is no
/// more (<c>has_more</c> false, or no cursor), and a cursor handed out twice ends it with a <see cref="MieltoException"/>
/// instead of a loop without end.
/// </summary>
internal static class Paging
{
    /// <param name="call">The listing as messages name it, such as <c>LIST memories</c>.</param>
    /// <param name="cursor">Where to start; null or empty for the first page.</param>
    /// <param name="state">What <paramref name="fetch"/> needs, so that it can be a static lambda.</param>
    /// <param name="fetch">Fetches the page at a cursor.</param>
    /// <param name="cancellationToken">Combined with <c>WithCancellation</c>'s token by the compiler.</param>
    public static async IAsyncEnumerable<T> AllAsync<TState, T>(
        string call,
        string? cursor,
        TState state,
        Func<TState, string?, CancellationToken, Task<Page<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every cursor seen: a server that hands one out twice would otherwise page in a circle for ever.
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(cursor))
        {
            cursors.Add(cursor);
        }

        for (var pages = 1; ; pages++)
        {
            var page = await fetch(state, string.IsNullOrEmpty(cursor) ? null : cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            if (!page.HasMore || string.IsNullOrEmpty(page.NextCursor))
            {
                yield break;
            }

            if (!cursors.Add(page.NextCursor))
            {
                throw new MieltoException(
                    $"{call}: the server returned the cursor '{page.NextCursor}' a second time, on page {pages}, so paging stopped instead of going round in a circle. The items already returned are complete up to there; the server's paging is at fault.");
            }

            cursor = page.NextCursor;
        }
    }

    /// <summary>
    /// Every item of an offset-paged listing, from <paramref name="skip"/>, a page of <paramref name="limit"/> at a time,
    /// fetched as the caller reads: it stops at a page shorter than the limit, once the server's grand total is reached,
    /// or at a page that brings nothing new, and never yields an item twice, so a server that repeats a page (or
    /// shifts one while items are added) neither loops nor duplicates.
    /// </summary>
    /// <param name="skip">Where to start.</param>
    /// <param name="limit">The page size asked for.</param>
    /// <param name="state">What the fetch needs; passed to a static lambda, so nothing is captured.</param>
    /// <param name="fetch">Fetches the page at an offset: its items and the grand total, if known.</param>
    /// <param name="key">An item's identity.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    public static async IAsyncEnumerable<T> OffsetAsync<TState, T>(
        int skip,
        int limit,
        TState state,
        Func<TState, int, CancellationToken, Task<(IReadOnlyList<T> Items, int? Total)>> fetch,
        Func<T, string> key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (items, total) = await fetch(state, skip, cancellationToken).ConfigureAwait(false);
            var fresh = 0;
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (seen.Add(key(item)))
                {
                    fresh++;
                    yield return item;
                }
            }

            skip += items.Count;
            if (items.Count < limit || fresh == 0 || (total is { } all && skip >= all))
            {
                yield break;
            }
        }
    }
}
