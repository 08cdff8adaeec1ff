namespace Mielto.Client.Bulk;

/// <summary>
/// The counts of one erasure, safe under its concurrent deletes, and their reports to the caller's
/// <see cref="IProgress{T}"/>: one at a time, each with counts no lower than the one before.
/// </summary>
internal sealed class EraseTally(IProgress<MemoryEraseProgress>? progress)
{
    private readonly object _counts = new();
    private readonly object _reports = new();
    private readonly List<MemoryEraseFailure> _failed = [];
    private int _found;
    private int _deleted;
    private int _alreadyGone;
    private int _skipped;

    public void Found() => Add(ref _found);

    public void Deleted() => Add(ref _deleted);

    public void AlreadyGone() => Add(ref _alreadyGone);

    public void Skipped() => Add(ref _skipped);

    public void Failed(string memoryId, Exception exception)
    {
        lock (_counts)
        {
            _failed.Add(new MemoryEraseFailure(memoryId, exception, (exception as MieltoApiException)?.StatusCode));
        }
    }

    /// <summary>Tells the caller's progress the counts now.</summary>
    public void Report()
    {
        if (progress is null)
        {
            return;
        }

        // The snapshot is taken inside the reporting lock: a later report can never carry older counts.
        lock (_reports)
        {
            MemoryEraseProgress now;
            lock (_counts)
            {
                now = new MemoryEraseProgress(_found, _deleted, _alreadyGone, _failed.Count);
            }

            progress.Report(now);
        }
    }

    public MemoryEraseResult Result()
    {
        lock (_counts)
        {
            return new MemoryEraseResult { Found = _found, Deleted = _deleted, AlreadyGone = _alreadyGone, Skipped = _skipped, Failed = [.. _failed] };
        }
    }

    private void Add(ref int count)
    {
        lock (_counts)
        {
            count++;
        }
    }
}
