using Mielto.Client.Diagnostics;
using Polly;
using Polly.Retry;

namespace Mielto.Client.Http;

/// <summary>
/// The one retry layer: Polly's retry strategy, with exponential backoff and jitter, that honours
/// <c>Retry-After</c>. <see cref="CallHandler"/> runs it once a call's first attempt has failed transiently.
/// </summary>
internal static class MieltoResilience
{
    /// <summary>The name of the retry pipeline.</summary>
    public const string PipelineName = "Mielto.Client";

    private static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("Mielto.Request");

    /// <summary>Notes on <paramref name="context"/> which request it retries, for telemetry.</summary>
    public static void SetRequest(ResilienceContext context, HttpRequestMessage request) => context.Properties.Set(Request, request);

    /// <summary>
    /// Builds the retry pipeline: up to <paramref name="retries"/> retries, the first after about
    /// <paramref name="delay"/>, none after more than <paramref name="maxDelay"/>. It is built without Polly's own
    /// telemetry: the client logs each call's outcome itself and counts retries in its own meter.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> BuildRetry(int retries, TimeSpan delay, TimeSpan maxDelay, TimeProvider clock) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName, TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = delay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    args.Context.Properties.TryGetValue(Request, out var request);
                    Telemetry.Retried(request?.Method, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception);
                    return default;
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response && RetryAfterHeader.Read(response, clock) is { } wait
                        ? (wait < maxDelay ? wait : maxDelay)
                        : null),
            })
            .Build();

    /// <summary>
    /// True for the outcomes worth another attempt: a connection failure, an attempt that timed out, and the
    /// statuses 408, 429, 500, 502, 503 and 504. A cancelled call is never retried.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or CallTimeoutException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or 429 or 500 or 502 or 503 or 504,
        _ => false,
    };
}
