namespace Mielto.Client.Http;

/// <summary>Reads the <c>Retry-After</c> header.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// How long the server asked to wait: the delta-seconds, or the time until the HTTP date (zero when it
    /// is past). Null when the response has no valid <c>Retry-After</c>.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
