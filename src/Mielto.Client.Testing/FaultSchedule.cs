namespace Mielto.Client.Testing;

/// <summary>
/// The faults queued for the next requests, consumed one request at a time, in the order queued: a request takes
/// the first fault aimed at its operation or at any.
/// </summary>
internal sealed class FaultSchedule
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, MieltoOperation? Operation)> _faults = [];

    public void Add(int count, Fault fault, MieltoOperation? operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add((fault, operation));
            }
        }
    }

    /// <summary>Takes the fault for a request to <paramref name="operation"/> now arriving, or null when none is queued for it.</summary>
    public Fault? Next(MieltoOperation? operation)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Operation is null || f.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
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
