namespace Mielto.Client.Testing;

/// <summary>
/// The stand-in's collections, their contents and chunks, per workspace, safe to use from any thread. An uploaded
/// content is ingested on the server's clock: it stays <c>processing</c> for <see cref="MieltoTestServerOptions.IngestionDelay"/>,
/// then, when next read, becomes <c>completed</c> with its chunks (or <c>failed</c>, as
/// <see cref="MieltoTestServerOptions.IngestionFailure"/> decides).
/// </summary>
internal sealed class CollectionStore(MieltoTestServerOptions options)
{
    /// <summary>The most characters of one chunk the stand-in makes.</summary>
    public const int ChunkChars = 1000;

    private readonly object _gate = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _ingesting = new(StringComparer.Ordinal);
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

    /// <summary>Stores an uploaded content and its text; with <paramref name="ingest"/>, its ingestion starts now.</summary>
    public void Upload(TestContent content, string text, bool ingest)
    {
        lock (_gate)
        {
            _contents.Add(content);
            _texts[content.Id] = text;
            if (ingest)
            {
                StartIngestion(content.Id);
            }
        }
    }

    /// <summary>
    /// Starts the ingestion of a content uploaded before (<c>POST /api/v1/chunks/create</c>); returns how many chunks it
    /// will have, or null when the workspace has no such content.
    /// </summary>
    public int? Ingest(string workspaceId, string id, bool force)
    {
        lock (_gate)
        {
            Settle();
            var index = _contents.FindIndex(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var text = _texts.GetValueOrDefault(id) ?? _contents[index].Name;
            var chunked = _chunks.Exists(c => string.Equals(c.ContentId, id, StringComparison.Ordinal));
            if (chunked && !force)
            {
                return 0;
            }

            _chunks.RemoveAll(c => string.Equals(c.ContentId, id, StringComparison.Ordinal));
            _texts[id] = text;
            _contents[index] = _contents[index] with { Status = "processing", StatusMessage = null, UpdatedAt = options.TimeProvider.GetUtcNow() };
            StartIngestion(id);
            return Split(text).Count;
        }
    }

    /// <summary>Cuts a text into the chunks the stand-in makes of it: by paragraph, at most <see cref="ChunkChars"/> characters each.</summary>
    public static List<string> Split(string text)
    {
        var chunks = new List<string>();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            for (var at = 0; at < paragraph.Length; at += ChunkChars)
            {
                chunks.Add(paragraph.Substring(at, Math.Min(ChunkChars, paragraph.Length - at)));
            }
        }

        return chunks;
    }

    public TestContent? FindContent(string workspaceId, string id)
    {
        lock (_gate)
        {
            Settle();
            return _contents.Find(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal) && string.Equals(c.Id, id, StringComparison.Ordinal));
        }
    }

    public TestContent? ChangeContent(string workspaceId, string id, Func<TestContent, TestContent> change)
    {
        lock (_gate)
        {
            Settle();
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
            Settle();
            return [.. _contents.Where(c => string.Equals(c.WorkspaceId, workspaceId, StringComparison.Ordinal))];
        }
    }

    public IReadOnlyList<TestContent> ContentSnapshot()
    {
        lock (_gate)
        {
            Settle();
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
            Settle();
            return [.. _chunks.Where(c => string.Equals(c.CollectionId, collectionId, StringComparison.Ordinal))];
        }
    }

    /// <summary>Every chunk, in the order added.</summary>
    public List<TestChunk> AllChunks()
    {
        lock (_gate)
        {
            Settle();
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
            _texts.Clear();
            _ingesting.Clear();
        }
    }

    private void StartIngestion(string id)
    {
        _ingesting[id] = options.TimeProvider.GetUtcNow() + options.IngestionDelay;
        Settle();
    }

    /// <summary>Ends every ingestion that is due: the content completes with its chunks, or fails as the options decide.</summary>
    private void Settle()
    {
        if (_ingesting.Count == 0)
        {
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        foreach (var (id, due) in _ingesting.Where(i => i.Value <= now).ToList())
        {
            _ingesting.Remove(id);
            var index = _contents.FindIndex(c => string.Equals(c.Id, id, StringComparison.Ordinal));
            if (index < 0)
            {
                continue;
            }

            var content = _contents[index];
            if (options.IngestionFailure?.Invoke(content.Name) is { } failure)
            {
                _contents[index] = content with { Status = "failed", StatusMessage = failure, UpdatedAt = due };
                continue;
            }

            _contents[index] = content with { Status = "completed", StatusMessage = null, UpdatedAt = due };
            foreach (var text in Split(_texts.GetValueOrDefault(id) ?? content.Name))
            {
                _chunks.Add(new TestChunk("chunk_" + Guid.NewGuid().ToString("N")[..24], content.CollectionId, id, text, content.Name));
            }
        }
    }
}
