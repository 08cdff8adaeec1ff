using System.Net;
using Mielto.Client.Diagnostics;
using Mielto.Client.Ingestion;
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

    /// <summary>
    /// The request option (a Refit <c>[Property]</c>) that marks an operation that is not idempotent: it is retried
    /// only when the server cannot have processed it.
    /// </summary>
    public const string NotIdempotentProperty = "Mielto.NotIdempotent";

    /// <summary>The key in <see cref="Exception.Data"/> under which the call handler notes how many attempts a failed call made.</summary>
    public const string AttemptsKey = "Mielto.Attempts";

    /// <summary>
    /// The request option (a Refit <c>[Property]</c>) that gives an operation its own limit on one attempt, in place of
    /// <see cref="MieltoClientOptions.Timeout"/> (and above <see cref="MieltoClientOptions.OverallTimeout"/> when longer).
    /// </summary>
    public const string TimeoutProperty = "Mielto.Timeout";

    /// <summary>
    /// The request option (a Refit <c>[Property]</c>) that marks a streamed response: the call handler reads the body of
    /// a failure as usual but hands a success over unread, to be read as it arrives.
    /// </summary>
    public const string StreamProperty = "Mielto.Stream";

    private static readonly HttpRequestOptionsKey<bool> NotIdempotent = new(NotIdempotentProperty);

    private static readonly HttpRequestOptionsKey<bool> Streamed = new(StreamProperty);

    private static readonly HttpRequestOptionsKey<int> StreamAttempt = new("Mielto.StreamAttempt");

    private static readonly HttpRequestOptionsKey<TimeSpan> OwnTimeout = new(TimeoutProperty);

    private static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("Mielto.Request");

    /// <summary>The operation's own limit on one attempt, if it has one.</summary>
    public static TimeSpan? Timeout(HttpRequestMessage request) => request.Options.TryGetValue(OwnTimeout, out var limit) ? limit : null;

    /// <summary>True when the request's response is a stream, read as it arrives.</summary>
    public static bool IsStream(HttpRequestMessage request) => request.Options.TryGetValue(Streamed, out var streamed) && streamed;

    /// <summary>Notes which attempt got the stream that a streamed request's response carries.</summary>
    public static void SetStreamAttempt(HttpRequestMessage request, int attempt) => request.Options.Set(StreamAttempt, attempt);

    /// <summary>Which attempt got the response of a streamed request (1 when not noted).</summary>
    public static int StreamAttempts(HttpResponseMessage response) =>
        response.RequestMessage is { } request && request.Options.TryGetValue(StreamAttempt, out var attempt) ? attempt : 1;

    /// <summary>Notes on <paramref name="context"/> which request it retries, for telemetry and the retry rule.</summary>
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
                ShouldHandle = args =>
                {
                    args.Context.Properties.TryGetValue(Request, out var request);
                    return new ValueTask<bool>(IsTransient(args.Outcome, request));
                },
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
    /// True for the outcomes worth another attempt of <paramref name="request"/>. For an idempotent operation: a
    /// connection failure, an attempt that timed out, and the statuses 408, 429, 500, 502, 503 and 504. For one
    /// that is not (a create), only what proves the server did not process it: a connection that could not be made
    /// (nothing was sent), and 429. A cancelled call is never retried.
    /// </summary>
    /// <remarks>An upload whose body cannot be written again (a file from a stream that cannot seek, already read) is never retried.</remarks>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) =>
        request?.Content is not UploadContent { CanResend: false }
        && (request is not null && request.Options.TryGetValue(NotIdempotent, out var notIdempotent) && notIdempotent
            ? IsUnprocessed(outcome)
            : outcome switch
            {
                { Exception: HttpRequestException or CallTimeoutException } => true,
                { Result: { } response } => (int)response.StatusCode is 408 or 429 or 500 or 502 or 503 or 504,
                _ => false,
            });

    private static bool IsUnprocessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        // Each of these fails before the request is written: the connection, its name or its TLS never came up.
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };
}
