using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// A fake clock that also tells when the code under test arms a timer, so that a test can move time to one tick
/// before it and then onto it: an exact check of a delay or a timeout, with no wall-clock bound to allow room for.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (10 s at most, in real time) until a timer due after <paramref name="dueTime"/> is armed.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime) => WaitForTimerAsync(due => due == dueTime, $"a timer due after {dueTime}");

    /// <summary>Waits (10 s at most, in real time) until a timer whose due time matches is armed; returns that due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> matches, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var due = await _armed.Reader.ReadAsync(patience.Token);
                if (matches(due))
                {
                    return due;
                }
            }
        }
        catch (OperationCanceledException waited) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"No timer was armed within 10 s: expected {what}.", waited);
        }
    }

    /// <summary>Moves the clock to one tick before <paramref name="span"/> from now has passed.</summary>
    public void AdvanceToJustBefore(TimeSpan span) => Advance(span - TimeSpan.FromTicks(1));

    /// <summary>Moves the clock one tick on.</summary>
    public void AdvanceOneTick() => Advance(TimeSpan.FromTicks(1));
}
