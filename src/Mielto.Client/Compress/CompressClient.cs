using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>The compression of the Mielto API: <see cref="ICompressClient"/> over the SDK's one pipeline. Thread-safe; share one instance.</summary>
public class CompressClient : ICompressClient
{
    private readonly ICompressApi _api;
    private readonly OperationRunner _runner;
    private readonly TimeSpan _timeout;

    /// <summary>For mocking: creates a client whose members you override. Its own members do nothing useful.</summary>
    protected CompressClient()
    {
        _api = null!;
        _runner = null!;
    }

    internal CompressClient(ICompressApi api, MieltoClientOptions options, ILogger<CompressClient> logger, TimeProvider timeProvider)
    {
        _api = api;
        _runner = new OperationRunner(options, logger, timeProvider);
        _timeout = options.CompressTimeout;
    }

    /// <inheritdoc/>
    public virtual Task<CompressResult> CompressAsync(CompressRequest request, TimeSpan? timeout = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        var body = CompressWire.From(request);
        if (timeout is { } limit && (limit <= TimeSpan.Zero || limit > TimeSpan.FromDays(1)))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "A compression's limit must be positive and at most one day; nothing was sent.");
        }

        return _runner.RunAsync(
            _api,
            Operation.Compress,
            null,
            (Body: body, Timeout: timeout ?? _timeout, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.CompressAsync(a.Body, a.Workspace, notIdempotent: true, a.Timeout, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.CompressResult, static result => result is { Status: not null }),
            cancellationToken);
    }
}
