namespace Mielto.Client.Http;

/// <summary>Told of every 429 that an attempt receives, retried or not.</summary>
internal interface IRateLimitObserver
{
    /// <summary>The server answered 429, asking to wait <paramref name="retryAfter"/> when it said.</summary>
    void OnRateLimited(TimeSpan? retryAfter);
}
