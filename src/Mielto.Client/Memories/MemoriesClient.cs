using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mielto.Client.Bulk;
using Mielto.Client.Http;
using Mielto.Client.Memories;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>
/// The memory operations of the Mielto API: <see cref="IMemoriesClient"/> over the SDK's HTTP pipeline
/// (authentication, retries, timeouts). Thread-safe; share one instance.
/// </summary>
/// <remarks>
/// Each operation checks its arguments, then hands the Refit call and the reading of its result to the one
/// pipeline every operation shares (<see cref="OperationRunner"/>).
/// </remarks>
public class MemoriesClient : IMemoriesClient
{
    private readonly IMemoriesApi _api;
    private readonly OperationRunner _runner;

    /// <summary>For mocking: creates a client whose members you override. Its own members do nothing useful.</summary>
    protected MemoriesClient()
    {
        _api = null!;
        _runner = null!;
    }

    internal MemoriesClient(IMemoriesApi api, MieltoClientOptions options, ILogger<MemoriesClient> logger, TimeProvider timeProvider)
    {
        _api = api;
        _runner = new OperationRunner(options, logger, timeProvider);
    }

    /// <inheritdoc/>
    public virtual Task<MemoryCreateResponse> CreateAsync(MemoryCreateRequest request, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.Validate(request);
        return _runner.RunAsync(
            _api,
            Operation.Create,
            null,
            (Request: request, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.CreateMemoryAsync(a.Request, a.Workspace, notIdempotent: true, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemoryCreateResponse, ResponseChecks.IsComplete),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<Memory> GetAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateReadableMemoryId(memoryId);
        return GetCoreAsync(memoryId, MemoryArguments.UserId(userId), _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<Memory?> GetIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateReadableMemoryId(memoryId);
        return Absent.OrNullAsync(GetCoreAsync(memoryId, MemoryArguments.UserId(userId), _runner.Workspace(workspaceId), cancellationToken));
    }

    /// <inheritdoc/>
    public virtual Task<MemoryPage> ListAsync(MemoryListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new MemoryListOptions();
        MemoryArguments.Validate(options);
        return ListCoreAsync(options, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Memory> ListAllAsync(MemoryListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options ??= new MemoryListOptions();
        MemoryArguments.Validate(options);
        return Paging.AllAsync(
            "LIST memories",
            options.Cursor,
            (Client: this, Options: options, Workspace: _runner.Workspace(workspaceId)),
            static async (s, cursor, ct) =>
            {
                var page = await s.Client.ListCoreAsync(s.Options with { Cursor = cursor }, s.Workspace, ct).ConfigureAwait(false);
                return new Page<Memory>(page.Memories, page.NextCursor, page.HasMore);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<MemorySearchResponse> SearchAsync(MemorySearchRequest request, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.Validate(request);
        return _runner.RunAsync(
            _api,
            Operation.Search,
            null,
            (Request: request, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.SearchMemoriesAsync(a.Request, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemorySearchResponse, ResponseChecks.IsComplete),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<MemoryUpdateResponse> UpdateAsync(string memoryId, MemoryUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        MemoryArguments.Validate(update);
        return _runner.RunAsync(
            _api,
            Operation.Update,
            memoryId,
            (Id: memoryId, Request: update, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.UpdateMemoryAsync(a.Id, a.Request, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemoryUpdateResponse, ResponseChecks.IsComplete),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<MemoryReplaceResponse> ReplaceAsync(string memoryId, MemoryReplaceRequest replacement, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        MemoryArguments.Validate(replacement);
        return _runner.RunAsync(
            _api,
            Operation.Replace,
            memoryId,
            (Id: memoryId, Request: replacement, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.ReplaceMemoryAsync(a.Id, a.Request, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemoryReplaceResponse, ResponseChecks.IsComplete),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<MemoryDeleteResponse> DeleteAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        return DeleteCoreAsync(memoryId, MemoryArguments.UserId(userId), _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<bool> DeleteIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        var call = DeleteCoreAsync(memoryId, MemoryArguments.UserId(userId), _runner.Workspace(workspaceId), cancellationToken);
        try
        {
            await call.ConfigureAwait(false);
            return true;
        }
        catch (MemoryNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public virtual Task<MemoryEraseResult> DeleteAllForUserAsync(string userId, MemoryEraseOptions? options = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateRequiredUserId(userId);
        options ??= new MemoryEraseOptions();
        MemoryArguments.Validate(options);
        var resolved = options with { WorkspaceId = _runner.Workspace(options.WorkspaceId) };
        return new UserErasure(this, _runner.Logger, _runner.Clock).RunAsync(userId, resolved, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<long> ExportForUserAsync(string userId, Stream destination, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateRequiredUserId(userId);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to; nothing was sent.", nameof(destination));
        }

        return new UserExport(ListAllRawAsync, _runner.Logger).RunAsync(userId, destination, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    [Experimental(MieltoDiagnostics.Experimental)]
    public virtual Task<MemoryFromMessagesResponse> CreateFromMessagesAsync(MemoryFromMessagesRequest request, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.Validate(request);
        return _runner.RunAsync(
            _api,
            Operation.CreateFromMessages,
            null,
            (Request: request, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.CreateFromMessagesAsync(a.Request, a.Workspace, notIdempotent: true, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.FromMessagesWire, ResponseChecks.IsComplete).ToResponse()!,
            cancellationToken);
    }

    /// <inheritdoc/>
    [Experimental(MieltoDiagnostics.Experimental)]
    public virtual Task<MemoryChunkPage> ListChunksAsync(MemoryChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.Validate(options);
        return ListChunksCoreAsync(options, _runner.Workspace(workspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    [Experimental(MieltoDiagnostics.Experimental)]
    public virtual IAsyncEnumerable<MemoryChunk> ListAllChunksAsync(MemoryChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.Validate(options);
        return Paging.AllAsync(
            "LIST memory chunks",
            options.Cursor,
            (Client: this, Options: options, Workspace: _runner.Workspace(workspaceId)),
            static async (s, cursor, ct) =>
            {
                var page = await s.Client.ListChunksCoreAsync(s.Options with { Cursor = cursor }, s.Workspace, ct).ConfigureAwait(false);
                return new Page<MemoryChunk>(page.Chunks, page.NextCursor, page.HasMore);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    [Experimental(MieltoDiagnostics.Experimental)]
    public virtual Task<MemoryProfile> GetProfileAsync(string userId, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateRequiredUserId(userId);
        return _runner.RunAsync(
            _api,
            Operation.GetProfile,
            null,
            (User: userId, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.GetProfileAsync(a.User, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemoryProfile, ResponseChecks.IsComplete),
            cancellationToken);
    }

    /// <summary>Every memory of a listing as the API sent it, for the export.</summary>
    private IAsyncEnumerable<JsonElement> ListAllRawAsync(MemoryListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        Paging.AllAsync(
            "LIST memories",
            options.Cursor,
            (Client: this, Options: options, Workspace: workspaceId),
            static async (s, cursor, ct) =>
            {
                var page = await s.Client._runner.RunAsync(
                    s.Client._api,
                    Operation.List,
                    null,
                    (Options: s.Options with { Cursor = cursor }, s.Workspace),
                    static (api, a, ct) => SendList(api, a.Options, a.Workspace, ct),
                    static reply => reply.Json(MieltoJsonContext.Wire.MemoryListRawWire, static page => page.IsComplete()),
                    ct).ConfigureAwait(false);
                return new Page<JsonElement>(page.Items, page.NextCursor, page.HasMore);
            },
            cancellationToken);

    private static Task<HttpResponseMessage> SendList(IMemoriesApi api, MemoryListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        api.ListMemoriesAsync(
            MemoryArguments.UserId(options.UserId),
            string.IsNullOrEmpty(options.Cursor) ? null : options.Cursor,
            options.Limit,
            string.IsNullOrEmpty(options.SortBy) ? null : options.SortBy,
            options.SortOrder switch { MemorySortOrder.Ascending => "asc", MemorySortOrder.Descending => "desc", _ => null },
            workspaceId,
            cancellationToken);

    private Task<MemoryChunkPage> ListChunksCoreAsync(MemoryChunkListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.ListChunks,
            null,
            (Options: options, Workspace: workspaceId),
            static (api, a, ct) => api.ListChunksAsync(
                MemoryArguments.UserId(a.Options.UserId),
                a.Options.Limit,
                string.IsNullOrEmpty(a.Options.Cursor) ? null : a.Options.Cursor,
                a.Options.IncludeEmbedding switch { true => "true", false => "false", null => null },
                a.Workspace,
                ct),
            static reply => reply.Json(MieltoJsonContext.Wire.ChunkListWire, ResponseChecks.IsComplete).ToPage(),
            cancellationToken);

    private Task<Memory> GetCoreAsync(string memoryId, string? userId, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.Get,
            memoryId,
            (Id: memoryId, User: userId, Workspace: workspaceId),
            static (api, a, ct) => api.GetMemoryAsync(a.Id, a.User, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.Memory, ResponseChecks.IsComplete),
            cancellationToken);

    private Task<MemoryPage> ListCoreAsync(MemoryListOptions options, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.List,
            null,
            (Options: options, Workspace: workspaceId),
            static (api, a, ct) => SendList(api, a.Options, a.Workspace, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.MemoryListWire, ResponseChecks.IsComplete).ToPage(),
            cancellationToken);

    private Task<MemoryDeleteResponse> DeleteCoreAsync(string memoryId, string? userId, string? workspaceId, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            _api,
            Operation.Delete,
            memoryId,
            (Id: memoryId, User: userId, Workspace: workspaceId),
            static (api, a, ct) => api.DeleteMemoryAsync(a.Id, a.User, a.Workspace, ct),
            ReadDeleted,
            cancellationToken);

    private static MemoryDeleteResponse ReadDeleted(Reply reply)
    {
        // Mielto documents 200 with a body; its own SDKs expect 204 without one. Both mean the memory is gone.
        if (reply.IsEmpty)
        {
            return new MemoryDeleteResponse(reply.Id!, string.Empty);
        }

        var deleted = reply.Json(MieltoJsonContext.Wire.MemoryDeleteResponse, ResponseChecks.IsComplete);
        return deleted.Message is null ? deleted with { Message = string.Empty } : deleted;
    }
}
