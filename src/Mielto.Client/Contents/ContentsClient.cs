using Microsoft.Extensions.Logging;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>
/// The content operations of the Mielto API: <see cref="IContentsClient"/> over the SDK's one pipeline, as
/// <see cref="CollectionsClient"/> is for collections. Thread-safe; share one instance.
/// </summary>
public class ContentsClient : IContentsClient
{
    private const int DefaultPageSize = 100;
    private const int MaxDeleteMany = 1000;

    private readonly IContentsApi _api;
    private readonly OperationRunner _runner;

    /// <summary>For mocking: creates a client whose members you override. Its own members do nothing useful.</summary>
    protected ContentsClient()
    {
        _api = null!;
        _runner = null!;
    }

    internal ContentsClient(IContentsApi api, MieltoClientOptions options, ILogger<ContentsClient> logger, TimeProvider timeProvider)
    {
        _api = api;
        _runner = new OperationRunner(options, logger, timeProvider);
    }

    /// <inheritdoc/>
    public virtual Task<ContentPage> ListAsync(ContentListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new ContentListOptions();
        Validate(options);
        return ListCoreAsync(options, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CollectionContent> ListAllAsync(ContentListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new ContentListOptions();
        Validate(options);
        var limit = options.Limit ?? DefaultPageSize;
        return Paging.OffsetAsync(
            options.Skip,
            limit,
            (Client: this, Options: options with { Limit = limit }, Workspace: _runner.Workspace(workspaceId)),
            static async (s, skip, ct) =>
            {
                var page = await s.Client.ListCoreAsync(s.Options with { Skip = skip }, s.Workspace, ct).ConfigureAwait(false);
                return (page.Contents, page.TotalCount);
            },
            static content => content.Id,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<CollectionContent> GetAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ValidateContentId(contentId);
        return GetCoreAsync(contentId, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<CollectionContent?> GetIfExistsAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ValidateContentId(contentId);
        return Absent.OrNullAsync(GetCoreAsync(contentId, _runner.Workspace(workspaceId), cancellationToken));
    }

    /// <inheritdoc/>
    public virtual Task<CollectionContent> UpdateAsync(string contentId, ContentUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ValidateContentId(contentId);
        ArgumentNullException.ThrowIfNull(update);
        if (update is { Name: null, Description: null, Metadata: null, Status: null, StatusMessage: null })
        {
            throw new ArgumentException($"The {nameof(ContentUpdateRequest)} sets nothing to change; nothing was sent.", nameof(update));
        }

        foreach (var text in (ReadOnlySpan<string?>)[update.Name, update.Description, update.StatusMessage, update.Status?.ToString()])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(update));
            }
        }

        return _runner.RunAsync(
            _api,
            Operation.UpdateContent,
            contentId,
            (Id: contentId, Request: update, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.UpdateAsync(a.Id, a.Request, a.Workspace, ct),
            ReadContent,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task DeleteAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ValidateContentId(contentId);
        return _runner.RunAsync(
            _api,
            Operation.DeleteContent,
            contentId,
            (Id: contentId, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.DeleteAsync(a.Id, a.Workspace, ct),
            static _ => true,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<ContentDeleteManyResult> DeleteManyAsync(IEnumerable<string> contentIds, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentIds);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in contentIds)
        {
            Arguments.ValidateId(id, "content", nameof(contentIds));
            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count is 0 or > MaxDeleteMany)
        {
            throw new ArgumentException($"A bulk delete takes 1 to {MaxDeleteMany:N0} content ids (it had {ids.Count}); nothing was sent.", nameof(contentIds));
        }

        return _runner.RunAsync(
            _api,
            Operation.DeleteContents,
            null,
            (Ids: new ContentIds(ids), Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.DeleteManyAsync(a.Ids, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.ContentDeleteManyResult, static result => result is { DeletedIds: not null, FailedIds: not null, Errors: not null }),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<ChunkPage> ListChunksAsync(ChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        Validate(options);
        return ListChunksCoreAsync(options, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CollectionChunk> ListAllChunksAsync(ChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        Validate(options);
        return Paging.AllAsync(
            "LIST chunks",
            options.Cursor,
            (Client: this, Options: options, Workspace: _runner.Workspace(workspaceId)),
            static async (s, cursor, ct) =>
            {
                var page = await s.Client.ListChunksCoreAsync(s.Options with { Cursor = cursor }, s.Workspace, ct).ConfigureAwait(false);
                return new Page<CollectionChunk>(page.Chunks, page.NextCursor, page.HasMore);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CollectionContent>> WaitForIngestionAsync(IEnumerable<string> contentIds, IngestionWaitOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentIds);
        options ??= new IngestionWaitOptions();
        if (options.PollInterval <= TimeSpan.Zero || options.MaxPollInterval < options.PollInterval || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{nameof(IngestionWaitOptions)} needs a positive {nameof(IngestionWaitOptions.PollInterval)}, a {nameof(IngestionWaitOptions.MaxPollInterval)} at least as long, and a positive {nameof(IngestionWaitOptions.Timeout)}; nothing was sent.");
        }

        var ids = new List<string>();
        foreach (var id in contentIds)
        {
            ValidateContentId(id);
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids.Count == 0
            ? Task.FromResult<IReadOnlyList<CollectionContent>>([])
            : WaitCoreAsync(ids, options, _runner.Workspace(workspaceId), cancellationToken);
    }

    private async Task<IReadOnlyList<CollectionContent>> WaitCoreAsync(List<string> ids, IngestionWaitOptions options, string? workspaceId, CancellationToken cancellationToken)
    {
        var clock = _runner.Clock;
        var deadline = clock.GetTimestamp() + (long)(options.Timeout.TotalSeconds * clock.TimestampFrequency);
        var ended = new Dictionary<string, CollectionContent>(StringComparer.Ordinal);
        var wait = options.PollInterval;
        while (true)
        {
            foreach (var id in ids.Where(id => !ended.ContainsKey(id)).ToList())
            {
                var content = await GetCoreAsync(id, workspaceId, cancellationToken).ConfigureAwait(false);
                if (content.Status == ContentStatus.Completed || content.Status == ContentStatus.Failed)
                {
                    ended[id] = content;
                }
            }

            if (ended.Count == ids.Count)
            {
                return [.. ids.Select(id => ended[id])];
            }

            var left = TimeSpan.FromSeconds((deadline - clock.GetTimestamp()) / (double)clock.TimestampFrequency);
            if (left <= TimeSpan.Zero)
            {
                var pending = ids.Where(id => !ended.ContainsKey(id)).ToList();
                throw new MieltoTimeoutException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{pending.Count} of {ids.Count} contents were still ingesting after {options.Timeout.TotalSeconds:0.###} s ({nameof(IngestionWaitOptions)}.{nameof(IngestionWaitOptions.Timeout)}): {string.Join(", ", pending.Take(10))}{(pending.Count > 10 ? ", …" : string.Empty)}. Their ingestion goes on; wait again, or raise the timeout."));
            }

            await Task.Delay(wait < left ? wait : left, clock, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min((long)(wait.Ticks * 1.5), options.MaxPollInterval.Ticks));
        }
    }

    /// <summary>
    /// Refuses an id that would not address one content (<see cref="Arguments.ValidateId"/>), and <c>bulk</c>:
    /// <c>/api/v1/contents/bulk/…</c> is a route of its own.
    /// </summary>
    private static void ValidateContentId(string contentId)
    {
        Arguments.ValidateId(contentId, "content", nameof(contentId));
        if (contentId is "bulk")
        {
            throw new ArgumentException("The content id 'bulk' cannot be addressed: /api/v1/contents/bulk is another route of the API, so nothing was sent.", nameof(contentId));
        }
    }

    private static void Validate(ContentListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Arguments.Offset(options.Skip, options.Limit, nameof(ContentListOptions), nameof(options));
        foreach (var text in (ReadOnlySpan<string?>)[options.CollectionId, options.SortBy, options.Status?.ToString()])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(options));
            }
        }
    }

    private static void Validate(ChunkListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Limit is < 1 or > 500)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Limit, $"{nameof(ChunkListOptions)}.Limit must be between 1 and 500 when set (it was {options.Limit}); nothing was sent.");
        }

        if (options.CollectionId is { } collectionId && !HeaderValue.IsSendable(collectionId))
        {
            throw new ArgumentException("A collection id to list chunks of must be printable ASCII without surrounding spaces: it is sent in the X-Collection-Id header too; nothing was sent.", nameof(options));
        }

        foreach (var text in (ReadOnlySpan<string?>)[options.ContentId, options.Cursor])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(options));
            }
        }
    }

    private Task<ChunkPage> ListChunksCoreAsync(ChunkListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.ListCollectionChunks,
            null,
            (Options: options, Workspace: workspaceId),
            static (api, a, ct) => api.ListChunksAsync(
                string.IsNullOrEmpty(a.Options.CollectionId) ? null : a.Options.CollectionId,
                string.IsNullOrEmpty(a.Options.ContentId) ? null : a.Options.ContentId,
                string.IsNullOrEmpty(a.Options.Cursor) ? null : a.Options.Cursor,
                a.Options.Limit,
                a.Options.IncludeEmbedding switch { true => "true", false => "false", null => null },
                string.IsNullOrEmpty(a.Options.CollectionId) ? null : a.Options.CollectionId,
                a.Workspace,
                ct),
            static reply => reply.Json(MieltoJsonContext.Wire.CollectionChunkListWire, static page => page.IsComplete()).ToPage(),
            cancellationToken);

    private static CollectionContent ReadContent(Reply reply) =>
        reply.Json(MieltoJsonContext.Wire.CollectionContent, static content => content is { Id: not null, Name: not null });

    private Task<CollectionContent> GetCoreAsync(string contentId, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.GetContent,
            contentId,
            (Id: contentId, Workspace: workspaceId),
            static (api, a, ct) => api.GetAsync(a.Id, a.Workspace, ct),
            ReadContent,
            cancellationToken);

    private Task<ContentPage> ListCoreAsync(ContentListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.ListContents,
            null,
            (Options: options, Workspace: workspaceId),
            static (api, a, ct) => api.ListAsync(
                string.IsNullOrEmpty(a.Options.CollectionId) ? null : a.Options.CollectionId,
                a.Options.Status?.ToString(),
                a.Options.Skip,
                a.Options.Limit,
                string.IsNullOrEmpty(a.Options.SortBy) ? null : a.Options.SortBy,
                a.Options.SortOrder switch { ListSortOrder.Ascending => "asc", ListSortOrder.Descending => "desc", _ => null },
                a.Workspace,
                ct),
            static reply => reply.Json(MieltoJsonContext.Wire.ContentListWire, static list => list.Data is not null && list.Data.All(c => c is { Id: not null, Name: not null })).ToPage(),
            cancellationToken);
}
