namespace Mielto.Client.Testing;

/// <summary>The memories of every workspace, safe under concurrent calls.</summary>
internal sealed class MemoryStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string WorkspaceId, string MemoryId), TestMemory> _memories = [];

    public void Add(TestMemory memory)
    {
        lock (_gate)
        {
            _memories[(memory.WorkspaceId, memory.MemoryId)] = memory;
        }
    }

    public TestMemory? Find(string workspaceId, string memoryId)
    {
        lock (_gate)
        {
            return _memories.GetValueOrDefault((workspaceId, memoryId));
        }
    }

    /// <summary>
    /// Replaces the memory with what <paramref name="change"/> makes of it, or removes it when that is
    /// <see cref="Removed"/>, or leaves it when that is null; returns what was found, if anything. One lock covers
    /// the look-up and the change, so that concurrent calls see each other whole.
    /// </summary>
    public TestMemory? Change(string workspaceId, string memoryId, Func<TestMemory, TestMemory?> change)
    {
        lock (_gate)
        {
            if (!_memories.TryGetValue((workspaceId, memoryId), out var memory))
            {
                return null;
            }

            var changed = change(memory);
            if (ReferenceEquals(changed, Removed))
            {
                _memories.Remove((workspaceId, memoryId));
            }
            else if (changed is not null)
            {
                _memories[(workspaceId, memoryId)] = changed;
            }

            return memory;
        }
    }

    /// <summary>What a <see cref="Change"/> returns to remove the memory.</summary>
    public static readonly TestMemory Removed = new(string.Empty, string.Empty, string.Empty, string.Empty, null, null, string.Empty, default, default);

    /// <summary>The memories of one workspace, of one user when <paramref name="userId"/> is given, in no order.</summary>
    public List<TestMemory> Where(string workspaceId, string? userId)
    {
        lock (_gate)
        {
            return [.. _memories.Values.Where(m => string.Equals(m.WorkspaceId, workspaceId, StringComparison.Ordinal) && (userId is null || string.Equals(m.UserId, userId, StringComparison.Ordinal)))];
        }
    }

    public IReadOnlyList<TestMemory> Snapshot()
    {
        lock (_gate)
        {
            return [.. _memories.Values.OrderBy(m => m.WorkspaceId, StringComparer.Ordinal).ThenBy(m => m.MemoryId, StringComparer.Ordinal)];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _memories.Clear();
        }
    }
}
