using Mielto.Client.Http;

namespace Mielto.Client.Bulk;

/// <summary>
/// The pace of one erasure: an adaptive limit on its deletes in flight (halved when the server rate-limits, raised
/// by one after as many successes as the limit) and a pause, while a <c>Retry-After</c> is pending, during which no
/// new delete starts. It hears of every 429, including those the SDK's per-call retries absorb.
/// </summary>
internal sealed class ErasePacer(int maxConcurrency, TimeProvider clock) : IRateLimitObserver
{
    /// <summary>The pause after a 429 that says nothing of when to come back.</summary>
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _waiting = [];
    private readonly int _max = maxConcurrency;
    private int _limit = maxConcurrency;
    private int _inFlight;
    private int _successes;
    private DateTimeOffset _pausedUntil;

    /// <summary>Waits until a delete may start: no pause pending, and fewer in flight than the limit.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan pause;
            TaskCompletionSource? turn = null;
            lock (_gate)
            {
                pause = _pausedUntil - clock.GetUtcNow();
                if (pause <= TimeSpan.Zero)
                {
                    if (_inFlight < _limit)
                    {
                        _inFlight++;
                        return;
                    }

                    turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiting.Add(turn);
                }
            }

            await (turn is null ? Task.Delay(pause, clock, cancellationToken) : turn.Task.WaitAsync(cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits out a pause that is pending, if any.</summary>
    public Task PauseAsync(CancellationToken cancellationToken)
    {
        TimeSpan pause;
        lock (_gate)
        {
            pause = _pausedUntil - clock.GetUtcNow();
        }

        return pause > TimeSpan.Zero ? Task.Delay(pause, clock, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>A delete ended; <paramref name="succeeded"/> when the server took it.</summary>
    public void Exit(bool succeeded)
    {
        List<TaskCompletionSource> woken;
        lock (_gate)
        {
            _inFlight--;
            if (succeeded && _limit < _max && ++_successes >= _limit)
            {
                _limit++;
                _successes = 0;
            }

            woken = [.. _waiting];
            _waiting.Clear();
        }

        // Every waiter looks again: one may have given up (cancelled), and the limit may have grown.
        foreach (var waiter in woken)
        {
            waiter.TrySetResult();
        }
    }

    public void OnRateLimited(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();

            // The calls in flight when the limit was hit all hear 429 together: one halving per pause, not one each.
            if (now >= _pausedUntil)
            {
                _limit = Math.Max(1, _limit / 2);
            }

            var until = now + (retryAfter ?? DefaultPause);
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
            _successes = 0;
        }
    }
}
