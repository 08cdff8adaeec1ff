using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mielto.Client.Diagnostics;
using Mielto.Client.Errors;
using Mielto.Client.Http;
using Mielto.Client.Memories;

namespace Mielto.Client;

/// <summary>
/// The memory operations of the Mielto API: <see cref="IMemoriesClient"/> over the SDK's HTTP pipeline
/// (authentication, retries, timeouts). Thread-safe; share one instance.
/// </summary>
public class MemoriesClient : IMemoriesClient
{
    private const string DeleteOperation = "delete";
    private const string DeleteMethod = "DELETE";
    private const string DeleteSpan = "Mielto DELETE memory";

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

        // A copy: the options object (from dependency injection, say) may be changed after the client is built.
        _options = new MieltoClientOptions();
        options.CopyTo(_options);
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
        using var activity = Telemetry.StartOperation(DeleteSpan, DeleteOperation, DeleteMethod, memoryId, _options.BaseAddress);
        int? status = null;
        int? attempts = null;
        Exception? failure = null;
        try
        {
            using var response = await _api.DeleteMemoryAsync(memoryId, userId, workspaceId, _options.ApiKey!, cancellationToken).ConfigureAwait(false);
            var body = await ResponseBody.GetAsync(response, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            attempts = body.Attempt;
            if (!response.IsSuccessStatusCode)
            {
                throw failure = ApiErrorFactory.Create(Describe(memoryId), response, body, body.Attempt, _options.ApiKey!, _timeProvider);
            }

            return ReadDeleteResponse(memoryId, response, body);
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            failure = canceled;
            throw;
        }
        catch (Exception ex) when (ex is CallTimeoutException or OperationCanceledException or HttpRequestException)
        {
            // Connection failures and attempt timeouts are always retried, so every attempt was made.
            attempts = ex is CallTimeoutException { WholeCall: true } ? null : _options.MaxRetries + 1;
            throw failure = TransportError(Describe(memoryId), ex, attempts);
        }
        catch (MieltoException unexpected)
        {
            failure = unexpected;
            throw;
        }
        finally
        {
            var errorType = failure is null ? null : Telemetry.ErrorType(failure is MieltoApiException ? status : null, failure);
            Telemetry.EndOperation(activity, DeleteOperation, status, attempts, errorType, started);
            WriteLog(memoryId, status, attempts, errorType, started);
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

    private MieltoException TransportError(string call, Exception ex, int? attempts)
    {
        var tries = attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts");
        if (ex is HttpRequestException)
        {
            return new MieltoConnectionException(
                $"{call} could not reach Mielto at {_options.BaseAddress.GetLeftPart(UriPartial.Authority)} after {tries}: {ex.Message} Check the network and {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}.",
                ex);
        }

        var message = attempts is null
            ? string.Create(CultureInfo.InvariantCulture, $"{call} timed out: the whole call took longer than {nameof(MieltoClientOptions.OverallTimeout)} ({_options.OverallTimeout!.Value.TotalSeconds:0.###} s), retries included. Raise it, or check the network.")
            : string.Create(CultureInfo.InvariantCulture, $"{call} timed out: no complete response within {nameof(MieltoClientOptions.Timeout)} ({_options.Timeout.TotalSeconds:0.###} s) on {tries}. Raise {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.Timeout)}, or check the network.");
        return new MieltoTimeoutException(message, ex);
    }

    private static string Describe(string memoryId) => $"DELETE memory '{memoryId}'";

    private void WriteLog(string memoryId, int? status, int? attempts, string? errorType, long started)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (status is { } code)
        {
            Log.CallCompleted(_logger, DeleteMethod, memoryId, code, attempts ?? 1, elapsedMs);
        }
        else
        {
            Log.CallFailed(_logger, DeleteMethod, memoryId, errorType ?? "unknown", elapsedMs);
        }
    }
}
