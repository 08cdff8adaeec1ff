using System.Collections.Concurrent;

namespace Mielto.Client.Testing;

/// <summary>What the next streamed chats do wrong: wait before their first event, or break after some events.</summary>
internal sealed class ChatStreamFaults
{
    private readonly ConcurrentQueue<TimeSpan> _pauses = new();
    private readonly ConcurrentQueue<int> _breaks = new();

    public void Pause(TimeSpan beforeFirstEvent) => _pauses.Enqueue(beforeFirstEvent);

    public void Break(int afterEvents) => _breaks.Enqueue(afterEvents);

    /// <summary>The next stream's faults: how long it waits before its first event, and after how many events it breaks.</summary>
    public (TimeSpan Pause, int? BreakAfter) Next() =>
        (_pauses.TryDequeue(out var pause) ? pause : TimeSpan.Zero, _breaks.TryDequeue(out var after) ? after : null);

    public void Clear()
    {
        _pauses.Clear();
        _breaks.Clear();
    }
}
