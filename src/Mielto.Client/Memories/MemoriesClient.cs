using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mielto.Client.Diagnostics;
using Mielto.Client.Errors;
using Mielto.Client.Http;
using Mielto.Client.Memories;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Mielto.Client;

/// <summary>
/// The memory operations of the Mielto API: <see cref="IMemoriesClient"/> over the SDK's HTTP pipeline
/// (authentication, retries, timeouts). Thread-safe; share one instance.
/// </summary>
public class MemoriesClient : IMemoriesClient
{
    private const string DeleteOperation = "DELETE";

    private readonly IMemoriesApi _api;
    private readonly MieltoClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>For mocking: creates a client whose members you override. Its own members do nothing useful.</summary>
    protected MemoriesClient()
    {
        _api = null!;
        _options = null!;
        _logger = null!;
        _timeProvider = null!;
    }

    internal MemoriesClient(IMemoriesApi api, MieltoClientOptions options, ILogger<MemoriesClient> logger, TimeProvider timeProvider)
    {
        _api = api;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public virtual Task<MemoryDeleteResponse> DeleteAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        return DeleteCoreAsync(memoryId, MemoryArguments.UserId(userId), MemoryArguments.WorkspaceId(workspaceId, _options.WorkspaceId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<bool> DeleteIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        MemoryArguments.ValidateMemoryId(memoryId);
        var user = MemoryArguments.UserId(userId);
        var workspace = MemoryArguments.WorkspaceId(workspaceId, _options.WorkspaceId);
        try
        {
            await DeleteCoreAsync(memoryId, user, workspace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MemoryNotFoundException)
        {
            return false;
        }
    }

    private async Task<MemoryDeleteResponse> DeleteCoreAsync(string memoryId, string? userId, string? workspaceId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _api.DeleteMemoryAsync(memoryId, userId, workspaceId, cancellationToken).ConfigureAwait(false);
            var body = await ResponseBody.GetAsync(response, cancellationToken).ConfigureAwait(false);
            LogCompleted(memoryId, response, body.Attempt, started);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiErrorFactory.Create(Describe(memoryId), response, body, body.Attempt, _options.ApiKey!, _timeProvider);
            }

            return ReadDeleteResponse(memoryId, response, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogFailed(memoryId, nameof(OperationCanceledException), started);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException or HttpRequestException)
        {
            var error = TransportError(Describe(memoryId), ex);
            LogFailed(memoryId, error.GetType().Name, started);
            throw error;
        }
    }

    private MemoryDeleteResponse ReadDeleteResponse(string memoryId, HttpResponseMessage response, BufferedContent body)
    {
        // Mielto documents 200 with a body; its own SDKs expect 204 without one. Both mean the memory is gone.
        if (body.Body.IsEmpty)
        {
            return new MemoryDeleteResponse(memoryId, string.Empty);
        }

        MemoryDeleteResponse? result = null;
        if (!body.Truncated)
        {
            try
            {
                result = JsonSerializer.Deserialize(body.Body.Span, MieltoJsonContext.Default.MemoryDeleteResponse);
            }
            catch (JsonException)
            {
                // Reported below, with what the server sent.
            }
        }

        if (result?.MemoryId is null)
        {
            throw ApiErrorFactory.UnexpectedBody(Describe(memoryId), response, body, nameof(MemoryDeleteResponse), _options.ApiKey!);
        }

        return result.Message is null ? result with { Message = string.Empty } : result;
    }

    private MieltoException TransportError(string call, Exception ex)
    {
        // Connection failures and attempt timeouts are always retried, so reaching here means every attempt was made.
        var attempts = _options.MaxRetries + 1;
        var tries = attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts");
        if (ex is HttpRequestException)
        {
            return new MieltoConnectionException(
                $"{call} could not reach Mielto at {_options.BaseAddress.GetLeftPart(UriPartial.Authority)} after {tries}: {ex.Message} Check the network and {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}.",
                ex);
        }

        var overall = ex is TimeoutRejectedException rejected && rejected.Timeout == _options.OverallTimeout;
        var message = overall
            ? string.Create(CultureInfo.InvariantCulture, $"{call} timed out: the whole call took longer than {nameof(MieltoClientOptions.OverallTimeout)} ({_options.OverallTimeout!.Value.TotalSeconds:0.###} s), retries included. Raise it, or check the network.")
            : string.Create(CultureInfo.InvariantCulture, $"{call} timed out: no complete response within {nameof(MieltoClientOptions.Timeout)} ({_options.Timeout.TotalSeconds:0.###} s) on {tries}. Raise {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.Timeout)}, or check the network.");
        return new MieltoTimeoutException(message, ex);
    }

    private static string Describe(string memoryId) => $"DELETE memory '{memoryId}'";

    private void LogCompleted(string memoryId, HttpResponseMessage response, int attempts, long started)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.CallCompleted(_logger, DeleteOperation, memoryId, (int)response.StatusCode, attempts, elapsedMs);
        }
    }

    private void LogFailed(string memoryId, string errorType, long started)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.CallFailed(_logger, DeleteOperation, memoryId, errorType, elapsedMs);
        }
    }
}
