using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client.Http;

/// <summary>
/// A time limit on part of a call: a token that is cancelled when <c>after</c> has passed on the clock, or when
/// the outer token is cancelled. Disposing it stops the timer and unlinks it from the outer token.
/// </summary>
/// <remarks>
/// On the system clock, the cancellation sources and their timers are reused: a source whose time did not run
/// out is reset and kept, so that an attempt that completes in time allocates no timer.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "It is disposable: the rule does not see IDisposable on a struct.")]
internal readonly struct Deadline : IDisposable
{
    // Enough for a busy client's attempts in flight; beyond it, sources are simply disposed.
    private const int MaxIdle = 256;
    private static readonly ConcurrentQueue<CancellationTokenSource> Idle = new();

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _link;
    private readonly bool _reusable;

    public Deadline(TimeSpan after, TimeProvider clock, CancellationToken outer)
    {
        _reusable = clock == TimeProvider.System;
        if (_reusable)
        {
            _source = Idle.TryDequeue(out var idle) ? idle : new CancellationTokenSource();
            _source.CancelAfter(after);
        }
        else
        {
            _source = new CancellationTokenSource(after, clock);
        }

        // A token that cannot be cancelled (the common case) registers nothing and allocates nothing.
        _link = outer.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    /// <summary>Cancelled when the time is up or the outer token is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True when the time ran out; false when the outer token was cancelled, even if both happened.</summary>
    public bool Expired(CancellationToken outer) => _source.IsCancellationRequested && !outer.IsCancellationRequested;

    public void Dispose()
    {
        _link.Dispose();

        // TryReset refuses a source that was cancelled or whose timer may already have fired: those are dropped.
        if (_reusable && Idle.Count < MaxIdle && _source.TryReset())
        {
            Idle.Enqueue(_source);
        }
        else
        {
            _source.Dispose();
        }
    }
}
