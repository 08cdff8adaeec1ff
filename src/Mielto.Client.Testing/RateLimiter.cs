using System.Collections.Concurrent;

namespace Mielto.Client.Testing;

/// <summary>N requests per second per API key, in fixed windows of one second from the first request of each.</summary>
internal sealed class RateLimiter(int perSecond, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when a request with <paramref name="key"/> may go on; otherwise how long until its window ends.</summary>
    public TimeSpan? Refuse(string key)
    {
        var now = clock.GetUtcNow();
        var window = _windows.AddOrUpdate(
            key,
            static (_, now) => (now, 1),
            static (_, current, now) => now - current.Start >= Window ? (now, 1) : (current.Start, current.Count + 1),
            now);
        return window.Count <= perSecond ? null : window.Start + Window - now;
    }

    public void Clear() => _windows.Clear();
}
