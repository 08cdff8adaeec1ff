namespace Mielto.Client.Testing;

/// <summary>The stand-in's collections and their chunks, per workspace, safe to use from any thread.</summary>
internal sealed class CollectionStore
{
    private readonly object _gate = new();
    private readonly List<TestCollection> _collections = [];
    private readonly List<TestChunk> _chunks = [];
    private readonly List<TestContent> _contents = [];

    public void Add(TestContent content)
    {
        lock (_gate)
        {
            _contents.RemoveAll(c => string.Equals(c.Id, content.Id, StringComparison.Ordinal));
            _contents.Add(content);
        }
    }

    public TestContent? FindContent(string workspaceId, string id)
    {
        lock (_gate)
        {
            return _contents.Find(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
        }
    }

    public TestContent? ChangeContent(string workspaceId, string id, Func<TestContent, TestContent> change)
    {
        lock (_gate)
        {
            var index = _contents.FindIndex(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
            return index < 0 ? null : _contents[index] = change(_contents[index]);
        }
    }

    /// <summary>Removes a content and its chunks; false when there is none.</summary>
    public bool RemoveContent(string workspaceId, string id)
    {
        lock (_gate)
        {
            if (_contents.RemoveAll(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal)) == 0)
            {
                return false;
            }

            _chunks.RemoveAll(c => string.Equals(c.ContentId, id, StringComparison.Ordinal));
            return true;
        }
    }

    /// <summary>The workspace's contents, oldest first.</summary>
    public List<TestContent> ContentsIn(string workspaceId)
    {
        lock (_gate)
        {
            return [.. _contents.Where(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal))];
        }
    }

    public IReadOnlyList<TestContent> ContentSnapshot()
    {
        lock (_gate)
        {
            return [.. _contents];
        }
    }

    public void Add(TestCollection collection)
    {
        lock (_gate)
        {
            _collections.RemoveAll(c => string.Equals(c.WorkspaceId, collection.WorkspaceId, StringComparison.Ordinal) && string.Equals(c.Id, collection.Id, StringComparison.Ordinal));
            _collections.Add(collection);
        }
    }

    public void Add(TestChunk chunk)
    {
        lock (_gate)
        {
            _chunks.Add(chunk);
        }
    }

    public TestCollection? Find(string workspaceId, string id)
    {
        lock (_gate)
        {
            return _collections.Find(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
        }
    }

    /// <summary>Replaces a collection with what <paramref name="change"/> makes of it; null when there is none.</summary>
    public TestCollection? Change(string workspaceId, string id, Func<TestCollection, TestCollection> change)
    {
        lock (_gate)
        {
            var index = _collections.FindIndex(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
            return index < 0 ? null : _collections[index] = change(_collections[index]);
        }
    }

    /// <summary>Removes a collection and its chunks; false when there is none.</summary>
    public bool Remove(string workspaceId, string id)
    {
        lock (_gate)
        {
            if (_collections.RemoveAll(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal)) == 0)
            {
                return false;
            }

            _chunks.RemoveAll(c => string.Equals(c.CollectionId, id, StringComparison.Ordinal));
            _contents.RemoveAll(c => string.Equals(c.CollectionId, id, StringComparison.Ordinal));
            return true;
        }
    }

    /// <summary>The workspace's collections, oldest first.</summary>
    public List<TestCollection> InWorkspace(string workspaceId)
    {
        lock (_gate)
        {
            return [.. _collections.Where(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal))];
        }
    }

    public List<TestChunk> Chunks(string collectionId)
    {
        lock (_gate)
        {
            return [.. _chunks.Where(c => string.Equals(c.CollectionId, collectionId, StringComparison.Ordinal))];
        }
    }

    /// <summary>Every chunk, in the order added.</summary>
    public List<TestChunk> AllChunks()
    {
        lock (_gate)
        {
            return [.. _chunks];
        }
    }

    public IReadOnlyList<TestCollection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _collections];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _collections.Clear();
            _chunks.Clear();
            _contents.Clear();
        }
    }
}
