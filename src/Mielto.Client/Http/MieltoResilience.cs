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

    /// <summary>Adds the SDK's strategies, configured from <paramref name="options"/>, to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, MieltoClientOptions options, TimeProvider timeProvider)
    {
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
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response && RetryAfterHeader.Read(response, timeProvider) is { } wait
                        ? (wait < maxDelay ? wait : maxDelay)
                        : null),
            });
        }

        builder.AddTimeout(options.Timeout);
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
