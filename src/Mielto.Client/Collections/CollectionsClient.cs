using Microsoft.Extensions.Logging;
using Mielto.Client.Collections;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>
/// The collection operations of the Mielto API: <see cref="ICollectionsClient"/> over the SDK's one pipeline
/// (authentication, retries, timeouts, telemetry), as <see cref="MemoriesClient"/> is for memories. Thread-safe; share
/// one instance.
/// </summary>
public partial class CollectionsClient : ICollectionsClient
{
    private const int DefaultPageSize = 100;

    private readonly ICollectionsApi _api;
    private readonly IContentsClient _contents;
    private readonly OperationRunner _runner;

    /// <summary>For mocking: creates a client whose members you override. Its own members do nothing useful.</summary>
    protected CollectionsClient()
    {
        _api = null!;
        _contents = null!;
        _runner = null!;
    }

    internal CollectionsClient(ICollectionsApi api, IContentsClient contents, MieltoClientOptions options, ILogger<CollectionsClient> logger, TimeProvider timeProvider)
    {
        _api = api;
        _contents = contents;
        _runner = new OperationRunner(options, logger, timeProvider);
    }

    /// <inheritdoc/>
    public virtual Task<Collection> CreateAsync(CollectionCreateRequest request, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.Validate(request);
        return _runner.RunAsync(
            _api,
            Operation.CreateCollection,
            null,
            (Request: request, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.CreateAsync(a.Request, a.Workspace, notIdempotent: true, ct),
            ReadCollection,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<Collection> GetAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.ValidateAddressableCollectionId(collectionId);
        return GetCoreAsync(collectionId, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<Collection?> GetIfExistsAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.ValidateAddressableCollectionId(collectionId);
        return Absent.OrNullAsync(GetCoreAsync(collectionId, _runner.Workspace(workspaceId), cancellationToken));
    }

    /// <inheritdoc/>
    public virtual Task<CollectionPage> ListAsync(CollectionListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new CollectionListOptions();
        CollectionArguments.Validate(options);
        return ListCoreAsync(options, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Collection> ListAllAsync(CollectionListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new CollectionListOptions();
        CollectionArguments.Validate(options);
        var limit = options.Limit ?? DefaultPageSize;
        return Paging.OffsetAsync(
            options.Skip,
            limit,
            (Client: this, Options: options with { Limit = limit }, Workspace: _runner.Workspace(workspaceId)),
            static async (s, skip, ct) =>
            {
                var page = await s.Client.ListCoreAsync(s.Options with { Skip = skip }, s.Workspace, ct).ConfigureAwait(false);
                return (page.Collections, page.TotalCount);
            },
            static collection => collection.Id,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<Collection> UpdateAsync(string collectionId, CollectionUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.ValidateAddressableCollectionId(collectionId);
        CollectionArguments.Validate(update);
        return _runner.RunAsync(
            _api,
            Operation.UpdateCollection,
            collectionId,
            (Id: collectionId, Request: update, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.UpdateAsync(a.Id, a.Request, a.Workspace, ct),
            ReadCollection,
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<CollectionDeleteResult> DeleteAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.ValidateAddressableCollectionId(collectionId);
        return _runner.RunAsync(
            _api,
            Operation.DeleteCollection,
            collectionId,
            (Id: collectionId, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.DeleteAsync(a.Id, a.Workspace, ct),
            static reply => reply.IsEmpty
                ? new CollectionDeleteResult { CollectionId = reply.Id! }
                : reply.Json(MieltoJsonContext.Wire.CollectionDeleteResult, static _ => true) is { CollectionId: not null } deleted
                    ? deleted
                    : new CollectionDeleteResult { CollectionId = reply.Id! },
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<CollectionSearchResponse> SearchAsync(CollectionSearchRequest request, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        CollectionArguments.Validate(request);
        return _runner.RunAsync(
            _api,
            Operation.SearchCollection,
            request.CollectionId,
            (Request: request, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.SearchAsync(a.Request, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.CollectionSearchResponse, static found => found.Results is not null && found.Results.All(r => r is { Content: not null })),
            cancellationToken);
    }

    private static Collection ReadCollection(Reply reply) =>
        reply.Json(MieltoJsonContext.Wire.Collection, static collection => collection is { Id: not null, Name: not null });

    private Task<Collection> GetCoreAsync(string collectionId, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.GetCollection,
            collectionId,
            (Id: collectionId, Workspace: workspaceId),
            static (api, a, ct) => api.GetAsync(a.Id, a.Workspace, ct),
            ReadCollection,
            cancellationToken);

    private Task<CollectionPage> ListCoreAsync(CollectionListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.ListCollections,
            null,
            (Options: options, Workspace: workspaceId),
            static (api, a, ct) => api.ListAsync(
                a.Options.Skip,
                a.Options.Limit,
                a.Options.Status?.ToString(),
                a.Options.Visibility?.ToString(),
                string.IsNullOrEmpty(a.Options.Search) ? null : a.Options.Search,
                a.Options.Tags is { Count: > 0 } tags ? string.Join(',', tags) : null,
                a.Workspace,
                ct),
            static reply => reply.Json(MieltoJsonContext.Wire.CollectionListWire, static list => list.Data is not null && list.Data.All(c => c is { Id: not null, Name: not null })).ToPage(),
            cancellationToken);
}
