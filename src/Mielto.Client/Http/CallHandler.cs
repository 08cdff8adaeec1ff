using System.Net;
using Polly;

namespace Mielto.Client.Http;

/// <summary>
/// The SDK's one handler, run once per call: it bounds the call by <see cref="MieltoClientOptions.OverallTimeout"/>,
/// makes each attempt under <see cref="MieltoClientOptions.Timeout"/> with the response body read inside that
/// limit (so that a stalled or cut body is a failed attempt that can be retried, not a hang after it), and hands
/// a call whose first attempt failed transiently to Polly's retry strategy, which decides and paces every retry.
/// </summary>
/// <remarks>
/// The first attempt runs outside Polly: a call that succeeds at once, nearly every call, pays nothing for the
/// retry machinery. Polly then starts from that first outcome, so its backoff, its <c>Retry-After</c> handling
/// and its attempt count are exactly those of a pipeline that had run from the start.
/// </remarks>
internal sealed class CallHandler : DelegatingHandler
{
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan? _callTimeout;
    private readonly TimeProvider _clock;
    private readonly int _maxResponseBytes;
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>>? _retry;

    public CallHandler(MieltoClientOptions options, TimeProvider clock)
    {
        _attemptTimeout = options.Timeout;
        _callTimeout = options.OverallTimeout;
        _clock = clock;
        _maxResponseBytes = options.MaxResponseBytes;

        // Built at the first retry, so that a client whose calls succeed never spends start-up time on it, from
        // the settings as they are now: the options object may outlive the client and be changed.
        var (retries, delay, maxDelay) = (options.MaxRetries, options.RetryDelay, options.MaxRetryDelay);
        _retry = retries > 0 ? new(() => MieltoResilience.BuildRetry(retries, delay, maxDelay, clock)) : null;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        DropEmptyBody(request);
        return _callTimeout is { } limit
            ? SendWithinAsync(request, MieltoResilience.Timeout(request) is { } own && own > limit ? own : limit, cancellationToken)
            : AttemptAsync(request, 1, cancellationToken);
    }

    /// <summary>
    /// Removes the empty body Refit gives a DELETE that has a header parameter (every delete has one: the workspace), so
    /// that the request goes out as a DELETE without content, as the API describes it, rather than with
    /// <c>Content-Length: 0</c>, which made the socket handler run its request-content path on every delete.
    /// </summary>
    /// <remarks>
    /// No DELETE of <see cref="IMemoriesApi"/> has a body parameter, so the only content a DELETE can carry is that
    /// placeholder, an empty <see cref="ByteArrayContent"/>; its length is not read, which would store a header.
    /// </remarks>
    private static void DropEmptyBody(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Delete && request.Content is { } empty && empty.GetType() == typeof(ByteArrayContent))
        {
            request.Content = null;
            empty.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendWithinAsync(HttpRequestMessage request, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var call = new Deadline(limit, _clock, cancellationToken);
        try
        {
            return await AttemptAsync(request, 1, call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (call.Expired(cancellationToken))
        {
            throw new CallTimeoutException(limit, wholeCall: true, ex);
        }
    }

    /// <summary>
    /// Makes attempt number <paramref name="attempt"/>: returns the response with its body buffered, or throws. The
    /// first attempt of a call, when it fails transiently, goes on to the retries.
    /// </summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, int attempt, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> outcome;
        var attemptTimeout = MieltoResilience.Timeout(request) ?? _attemptTimeout;
        using (var deadline = new Deadline(attemptTimeout, _clock, cancellationToken))
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && MieltoResilience.IsStream(request))
                {
                    // A stream is read as it arrives, under its own limits; a failure's body is read here, as any other.
                    MieltoResilience.SetStreamAttempt(request, attempt);
                }
                else
                {
                    (await ResponseBody.GetAsync(response, _maxResponseBytes, deadline.Token).ConfigureAwait(false)).Attempt = attempt;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && RateLimitSignal.Observer is { } observer)
                {
                    observer.OnRateLimited(RetryAfterHeader.Read(response, _clock));
                }

                outcome = Outcome.FromResult(response);
            }
            catch (Exception ex)
            {
                response?.Dispose();
                outcome = Outcome.FromException<HttpResponseMessage>(
                    ex is OperationCanceledException && deadline.Expired(cancellationToken) ? new CallTimeoutException(attemptTimeout, wholeCall: false, ex, operationsOwn: MieltoResilience.Timeout(request) is not null) : ex);
            }
        }

        if (attempt == 1 && _retry is not null && MieltoResilience.IsTransient(outcome, request))
        {
            return await RetryAsync(_retry.Value, request, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Exception is { } failed)
        {
            // The last attempt of the call, unless the retry strategy goes on: the client reports the count.
            failed.Data[MieltoResilience.AttemptsKey] = attempt;
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private async Task<HttpResponseMessage> RetryAsync(
        ResiliencePipeline<HttpResponseMessage> retry, HttpRequestMessage request, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        MieltoResilience.SetRequest(context, request);
        try
        {
            return await retry.ExecuteAsync(
                static (context, attempts) => attempts.NextAsync(context.CancellationToken),
                context,
                new Attempts(this, request, first)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The attempts of a call that is being retried: the first, already made, then new ones.</summary>
    private sealed class Attempts(CallHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;
        private int _count = 1;

        public ValueTask<HttpResponseMessage> NextAsync(CancellationToken cancellationToken)
        {
            if (_first is { } made)
            {
                _first = null;
                made.ThrowIfException();
                return new(made.Result!);
            }

            return new(handler.AttemptAsync(request, ++_count, cancellationToken));
        }
    }
}
