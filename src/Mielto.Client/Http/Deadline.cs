using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client.Http;

/// <summary>
/// A time limit on part of a call: a token that is cancelled when <c>after</c> has passed on the clock, or when
/// the outer token is cancelled. Disposing it stops the timer and unlinks it from the outer token.
/// </summary>
/// <remarks>
/// Each limit gets a new cancellation source, as <see cref="HttpClient"/> gives each request. Reusing sources
/// from a pool saved about 300 bytes per call but made calls slower and far less steady under load: a pooled
/// source outlives many collections, and every request linked to it dirtied old memory the collector had to
/// scan (the measurements are in docs/performance.md).
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "It is disposable: the rule does not see IDisposable on a struct.")]
internal readonly struct Deadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _link;

    public Deadline(TimeSpan after, TimeProvider clock, CancellationToken outer)
    {
        _source = new CancellationTokenSource(after, clock);

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
        _source.Dispose();
    }
}
