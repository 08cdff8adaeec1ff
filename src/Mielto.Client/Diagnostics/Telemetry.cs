using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using Mielto.Client.Operations;

namespace Mielto.Client.Diagnostics;

/// <summary>The SDK's activity source and instruments; every emission is skipped when nothing listens.</summary>
internal static class Telemetry
{
    /// <summary>The SDK's version, without build metadata, for telemetry and the User-Agent.</summary>
    public static readonly string Version =
        typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public static readonly ActivitySource Source = new(MieltoTelemetry.SourceName, Version);

    private static readonly Meter Meter = new(MieltoTelemetry.MeterName, Version);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        MieltoTelemetry.OperationDurationInstrument, unit: "s", description: "Duration of Mielto operations, retries included.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        MieltoTelemetry.RetriesInstrument, unit: "{retry}", description: "Retries of Mielto operations.");

    /// <summary>Starts the span of one operation, or returns null when nobody listens.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="id">The one thing it acts on (a memory, a collection), if it acts on one.</param>
    /// <param name="baseAddress">The API's address.</param>
    public static Activity? StartOperation(Operation operation, string? id, Uri baseAddress)
    {
        var activity = Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("mielto.operation", operation.Name);
            if (id is not null)
            {
                activity.SetTag(operation.Resource.IdTag, id);
            }

            activity.SetTag("http.request.method", operation.Method);
            activity.SetTag("server.address", baseAddress.Host);
            activity.SetTag("server.port", baseAddress.Port);
        }

        return activity;
    }

    /// <summary>Records an operation's end on its span and in the duration histogram.</summary>
    /// <param name="activity">The operation's span, if any.</param>
    /// <param name="operation">The operation, such as <c>delete</c>.</param>
    /// <param name="status">The status of the last response, if one came.</param>
    /// <param name="attempts">How many attempts were made, if known.</param>
    /// <param name="errorType">Null on success; otherwise the status code or the exception's type, as OpenTelemetry names it.</param>
    /// <param name="started">When the operation started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public static void EndOperation(Activity? activity, string operation, int? status, int? attempts, string? errorType, long started)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.response.status_code", status);
            activity.SetTag("mielto.attempt.count", attempts);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        if (Duration.Enabled)
        {
            var tags = new TagList { { "mielto.operation", operation } };
            if (status is { } code)
            {
                tags.Add("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>Counts one retry of a request, with what caused it.</summary>
    public static void Retried(HttpMethod? method, int? status, Exception? exception)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", method?.Method), new KeyValuePair<string, object?>("error.type", ErrorType(status, exception)));
        }
    }

    /// <summary>The <c>error.type</c> of a failure: the status code for an error response, else the exception's type.</summary>
    public static string ErrorType(int? status, Exception? exception) =>
        status is >= 300 ? status.Value.ToString(CultureInfo.InvariantCulture) : exception?.GetType().FullName ?? "_OTHER";
}
