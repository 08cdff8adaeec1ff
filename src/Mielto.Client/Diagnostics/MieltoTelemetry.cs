namespace Mielto.Client;

/// <summary>
/// The names under which the SDK emits traces and metrics, for OpenTelemetry or any
/// <see cref="System.Diagnostics.ActivityListener"/> / <see cref="System.Diagnostics.Metrics.MeterListener"/>.
/// Nothing is emitted unless something listens, and nothing emitted carries the API key.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddOpenTelemetry()
///     .WithTracing(tracing => tracing.AddSource(MieltoTelemetry.SourceName))
///     .WithMetrics(metrics => metrics.AddMeter(MieltoTelemetry.MeterName));
/// </code>
/// </example>
public static class MieltoTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> name. Each operation is one client span (such as
    /// <c>Mielto DELETE memory</c>) with the tags <c>mielto.memory.id</c>, <c>http.request.method</c>,
    /// <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c>, <c>mielto.attempt.count</c>
    /// and, on failure, <c>error.type</c>; the HTTP spans of its attempts are its children.
    /// </summary>
    public const string SourceName = "Mielto.Client";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Mielto.Client";

    /// <summary>
    /// A histogram of whole-operation durations in seconds, retries included, tagged with
    /// <c>mielto.operation</c>, <c>http.response.status_code</c> (when a response came) and <c>error.type</c> (on failure).
    /// </summary>
    public const string OperationDurationInstrument = "mielto.client.operation.duration";

    /// <summary>A counter of retries, tagged with <c>http.request.method</c> and the <c>error.type</c> that caused each one.</summary>
    public const string RetriesInstrument = "mielto.client.retries";
}
