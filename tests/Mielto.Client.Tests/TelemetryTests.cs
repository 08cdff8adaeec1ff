using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mielto.Client.Tests.Infrastructure;

namespace Mielto.Client.Tests;

/// <summary>
/// The SDK's span and metrics, observed with ActivityListener and MeterListener as OpenTelemetry would. Each test
/// runs inside a root span of its own, and only what belongs to that trace is sampled and kept, so that calls
/// made by tests running in parallel are neither recorded nor held in memory.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class TelemetryTests : WireTest
{
    private const string TestSourceName = "Mielto.Client.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ConcurrentQueue<Activity> _activities = new();
    private ActivityTraceId _traceId;
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();

    public TelemetryTests(WireServer wire)
        : base(wire)
    {
        _activityListener = new ActivityListener
        {
            // By name: a listener may be asked about the test source while its static field is still being set.
            ShouldListenTo = source => source.Name is TestSourceName or MieltoTelemetry.SourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source.Name == TestSourceName || options.TraceId == _traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MieltoTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _activityListener.Dispose();
            _meterListener.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Measurements are taken inside the operation's span: those of other tests' calls are not ours.
        if (Activity.Current?.TraceId == _traceId)
        {
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }

    private Activity StartTest()
    {
        var root = TestSource.StartActivity("test")!;
        _traceId = root.TraceId;
        return root;
    }

    private Activity OperationSpan(string memoryId) =>
        Assert.Single(_activities, a => a.Source.Name == MieltoTelemetry.SourceName && (string?)a.GetTagItem("mielto.memory.id") == memoryId);

    [Fact]
    public async Task A_delete_is_one_client_span_with_the_http_attempts_as_children()
    {
        using var test = StartTest();
        var memoryId = "mem_" + Guid.NewGuid().ToString("N");
        Respond(200, $$"""{"memory_id":"{{memoryId}}","message":"ok"}""");

        await Client().DeleteAsync(memoryId);

        var span = OperationSpan(memoryId);
        Assert.Equal("Mielto DELETE memory", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("DELETE", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(Wire.BaseAddress.Port, span.GetTagItem("server.port"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("mielto.attempt.count"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Single(_activities, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == span.SpanId);
    }

    [Theory]
    [MemberData(nameof(Infrastructure.OperationCase.Names), MemberType = typeof(Infrastructure.OperationCase))]
    public async Task Every_operation_is_one_client_span_named_after_it(string name)
    {
        var operation = Infrastructure.OperationCase.Named(name);
        using var test = StartTest();
        Respond(200, operation.SuccessBody);

        await operation.Invoke(Mielto(), null);

        var span = Assert.Single(_activities, a => a.Source.Name == MieltoTelemetry.SourceName && a.TraceId == test.TraceId);
        Assert.Equal("Mielto " + operation.Call.Replace($" '{operation.IdTag.Id}'", string.Empty, StringComparison.Ordinal), span.DisplayName);
        Assert.Equal(operation.Telemetry, span.GetTagItem("mielto.operation"));
        Assert.Equal(operation.Method, span.GetTagItem("http.request.method"));
        Assert.Equal(operation.OnOne ? operation.IdTag.Id : null, span.GetTagItem(operation.IdTag.Tag));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_retried_failure_marks_the_span_counts_the_retries_and_records_the_duration()
    {
        using var test = StartTest();
        var memoryId = "mem_" + Guid.NewGuid().ToString("N");
        RespondInSequence(() => Json(503, "{}"), () => Json(503, "{}"), () => Json(404, """{"detail":"Memory not found"}"""));

        await Assert.ThrowsAsync<MemoryNotFoundException>(() => Client().DeleteAsync(memoryId));

        var span = OperationSpan(memoryId);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal(3, span.GetTagItem("mielto.attempt.count"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(3, _activities.Count(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == span.SpanId));
        Assert.Equal(2, _measurements.Count(m => m.Instrument == MieltoTelemetry.RetriesInstrument && (string?)m.Tags["error.type"] == "503"));
        Assert.Contains(_measurements, m => m.Instrument == MieltoTelemetry.OperationDurationInstrument
            && (string?)m.Tags["mielto.operation"] == "memories.delete" && (int?)m.Tags["http.response.status_code"] == 404 && (string?)m.Tags["error.type"] == "404" && m.Value > 0);
    }

    [Fact]
    public async Task A_transport_failure_is_tagged_with_the_exception_type()
    {
        using var test = StartTest();
        var memoryId = "mem_" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<MieltoConnectionException>(() => Client(o =>
        {
            o.BaseAddress = DroppingServer.RefusingAddress();
            o.MaxRetries = 1;
        }).DeleteAsync(memoryId));

        var span = OperationSpan(memoryId);
        Assert.Equal(typeof(MieltoConnectionException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(2, span.GetTagItem("mielto.attempt.count"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        Assert.Contains(_measurements, m => m.Instrument == MieltoTelemetry.RetriesInstrument && (string?)m.Tags["error.type"] == typeof(HttpRequestException).FullName);
    }

    [Fact]
    public async Task Nothing_emitted_carries_the_api_key()
    {
        using var test = StartTest();
        var memoryId = "mem_" + Guid.NewGuid().ToString("N");
        Respond(401, $$"""{"detail":"bad key {{ApiKey}}"}""");

        await Assert.ThrowsAsync<MieltoAuthenticationException>(() => Client().DeleteAsync(memoryId));

        var span = OperationSpan(memoryId);
        Assert.All(_activities.Where(a => a.TraceId == span.TraceId), a =>
        {
            Assert.DoesNotContain(ApiKey, a.DisplayName);
            Assert.All(a.TagObjects, t => Assert.DoesNotContain(ApiKey, t.Value?.ToString() ?? string.Empty));
        });
        Assert.All(_measurements, m => Assert.All(m.Tags, t => Assert.DoesNotContain(ApiKey, t.Value?.ToString() ?? string.Empty)));
    }
}
