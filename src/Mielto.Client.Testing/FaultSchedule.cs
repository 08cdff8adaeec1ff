namespace Mielto.Client.Testing;

/// <summary>The faults queued for the next requests, consumed one request at a time, in the order queued.</summary>
internal sealed class FaultSchedule
{
    private readonly object _gate = new();
    private readonly Queue<Fault> _faults = new();

    public void Add(int count, Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Takes the fault for the request now arriving, or null when none is queued.</summary>
    public Fault? Next()
    {
        lock (_gate)
        {
            return _faults.TryDequeue(out var fault) ? fault : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}
