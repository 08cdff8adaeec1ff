using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Mielto.Client.Diagnostics;
using Mielto.Client.Errors;
using Mielto.Client.Http;
using Mielto.Client.Ingestion;

namespace Mielto.Client.Operations;

/// <summary>
/// The one pipeline every operation goes through: it sends the operation's Refit request (the call handler below
/// makes the attempts, reads the body and retries), turns the response into the operation's result or a typed
/// exception, and records the call once, as a span, a duration and a Debug log line.
/// </summary>
/// <remarks>
/// It knows no resource: an operation brings its resource's Refit interface, its arguments, already checked, a static
/// lambda that sends them through that interface, and a static lambda that reads its result from the
/// <see cref="Reply"/>; its <see cref="Operation"/> says how to name the call and what its errors mean.
/// </remarks>
internal sealed partial class OperationRunner
{
    private readonly MieltoClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    /// <param name="options">The settings; the runner keeps a copy of its own, since the object (from dependency injection, say) may be changed after the client is built.</param>
    /// <param name="logger">Where each call is logged, at Debug.</param>
    /// <param name="clock">The clock for an HTTP-date <c>Retry-After</c>.</param>
    public OperationRunner(MieltoClientOptions options, ILogger logger, TimeProvider clock)
    {
        _options = new MieltoClientOptions();
        options.CopyTo(_options);
        _logger = logger;
        _clock = clock;
    }

    /// <summary>Where the client logs.</summary>
    public ILogger Logger => _logger;

    /// <summary>The client's clock.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>The workspace to send: the call's, else the client's default, else none.</summary>
    public string? Workspace(string? workspaceId) => Arguments.WorkspaceId(workspaceId, _options.WorkspaceId);

    /// <summary>Runs one call of <paramref name="operation"/>.</summary>
    /// <param name="api">The Refit interface of the operation's resource.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="id">The one thing it addresses (a memory, a collection), or null for an operation on many.</param>
    /// <param name="args">Its checked arguments.</param>
    /// <param name="send">Sends them; a static lambda, so that nothing is captured.</param>
    /// <param name="read">Reads the result from a successful response.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<TResult> RunAsync<TApi, TArgs, TResult>(
        TApi api,
        Operation operation,
        string? id,
        TArgs args,
        Func<TApi, TArgs, CancellationToken, Task<HttpResponseMessage>> send,
        Func<Reply, TResult> read,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Telemetry.StartOperation(operation, id, _options.BaseAddress);
        int? status = null;
        int? attempts = null;
        Exception? failure = null;
        try
        {
            using var response = await send(api, args, cancellationToken).ConfigureAwait(false);
            var body = await ResponseBody.GetAsync(response, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            attempts = body.Attempt;
            if (!response.IsSuccessStatusCode)
            {
                throw failure = ApiErrorFactory.Create(operation, operation.Describe(id), response, body, body.Attempt, _options.ApiKey!, _clock);
            }

            return read(new Reply(operation, id, response, body, _options.ApiKey!));
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            failure = canceled;
            throw;
        }
        catch (Exception ex) when (UploadContent.ReadFailure(ex) is { } unreadable)
        {
            // A file of an upload could not be read: the caller's to fix, not the network's.
            throw failure = unreadable;
        }
        catch (Exception ex) when (ex is CallTimeoutException or OperationCanceledException or HttpRequestException)
        {
            attempts = Attempts(ex);
            throw failure = TransportError(operation.Describe(id), ex, attempts);
        }
        catch (MieltoException unexpected)
        {
            failure = unexpected;
            throw;
        }
        finally
        {
            var errorType = failure is null ? null : Telemetry.ErrorType(failure is MieltoApiException ? status : null, failure);
            Telemetry.EndOperation(activity, operation.Name, status, attempts, errorType, started);
            WriteLog(operation, id, status, attempts, errorType, started);
        }
    }

    /// <summary>
    /// How many attempts a transport failure took, as the call handler noted on it; unknown (null) for a
    /// whole-call timeout, which may have struck during any attempt.
    /// </summary>
    private int? Attempts(Exception ex) =>
        ex is CallTimeoutException { WholeCall: true } ? null : ex.Data[MieltoResilience.AttemptsKey] as int? ?? _options.MaxRetries + 1;

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
            : ex is CallTimeoutException { OperationsOwn: true, Limit: var own }
            ? string.Create(CultureInfo.InvariantCulture, $"{call} timed out: no complete response within its own limit ({own.TotalSeconds:0.###} s) on {tries}. Give it a longer one, or check the network.")
            : string.Create(CultureInfo.InvariantCulture, $"{call} timed out: no complete response within {nameof(MieltoClientOptions.Timeout)} ({_options.Timeout.TotalSeconds:0.###} s) on {tries}. Raise {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.Timeout)}, or check the network.");
        return new MieltoTimeoutException(message, ex);
    }

    private void WriteLog(Operation operation, string? id, int? status, int? attempts, string? errorType, long started)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        switch ((id, status))
        {
            case (not null, { } code):
                Log.CallCompleted(_logger, operation.Verb, operation.Noun, id, code, attempts ?? 1, elapsedMs);
                break;
            case (not null, null):
                Log.CallFailed(_logger, operation.Verb, operation.Noun, id, errorType ?? "unknown", elapsedMs);
                break;
            case (null, { } code):
                Log.CollectionCallCompleted(_logger, operation.Verb, operation.Noun, code, attempts ?? 1, elapsedMs);
                break;
            default:
                Log.CollectionCallFailed(_logger, operation.Verb, operation.Noun, errorType ?? "unknown", elapsedMs);
                break;
        }
    }
}
