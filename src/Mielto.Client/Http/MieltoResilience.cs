using Mielto.Client.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mielto.Client.Http;

/// <summary>
/// The one retry layer: an optional overall timeout, then retries with exponential backoff and jitter that
/// honour <c>Retry-After</c>, then a timeout per attempt.
/// </summary>
internal static class MieltoResilience
{
    /// <summary>The name of the resilience pipeline on the SDK's HttpClient.</summary>
    public const string PipelineName = "Mielto.Client";

    // Set only when a retry happens, so that a call that succeeds at once pays nothing for the count.
    private static readonly ResiliencePropertyKey<int> NextAttempt = new("Mielto.NextAttempt");

    /// <summary>The number, from 1, of the attempt that <paramref name="request"/> is being sent as.</summary>
    public static int AttemptOf(HttpRequestMessage request) =>
        request.GetResilienceContext() is { } context && context.Properties.TryGetValue(NextAttempt, out var attempt) ? attempt : 1;

    /// <summary>
    /// Builds the SDK's pipeline from <paramref name="options"/>. It is built without Polly's own telemetry: the
    /// client logs each call's outcome itself, and Polly's per-execution bookkeeping would cost every call.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(MieltoClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName, TimeProvider = timeProvider };
        if (options.OverallTimeout is { } overall)
        {
            builder.AddTimeout(overall);
        }

        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    // AttemptNumber counts from 0 and names the attempt that failed.
                    args.Context.Properties.Set(NextAttempt, args.AttemptNumber + 2);
                    Telemetry.Retried(args.Context.GetRequestMessage()?.Method, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception);
                    return default;
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response && RetryAfterHeader.Read(response, timeProvider) is { } wait
                        ? (wait < maxDelay ? wait : maxDelay)
                        : null),
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>
    /// True for the outcomes worth another attempt: a connection failure, an attempt that timed out, and the
    /// statuses 408, 429, 500, 502, 503 and 504. A cancelled call is never retried.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or 429 or 500 or 502 or 503 or 504,
        _ => false,
    };
}
