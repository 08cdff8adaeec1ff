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

    /// <summary>Removes the memory when <paramref name="mayDelete"/> allows it; returns what was found, if anything.</summary>
    public TestMemory? RemoveIf(string workspaceId, string memoryId, Func<TestMemory, bool> mayDelete)
    {
        lock (_gate)
        {
            if (!_memories.TryGetValue((workspaceId, memoryId), out var memory))
            {
                return null;
            }

            if (mayDelete(memory))
            {
                _memories.Remove((workspaceId, memoryId));
            }

            return memory;
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
