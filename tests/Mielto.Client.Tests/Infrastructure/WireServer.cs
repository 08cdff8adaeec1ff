using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// One WireMock server on 127.0.0.1 shared by a test collection. WireMock decodes paths before logging them,
/// so a middleware copies the raw request target (exactly as the client sent it) into a header first.
/// </summary>
public sealed class WireServer : IDisposable
{
    public const string RawTargetHeader = "X-Test-Raw-Target";

    /// <summary>The request's number since the last reset, from 1, stamped on arrival.</summary>
    public const string SequenceHeader = "X-Test-Sequence";

    /// <summary>How many resets came before the request's arrival, stamped on arrival.</summary>
    private const string EpochHeader = "X-Test-Epoch";

    private int _sequence;
    private int _epoch;

    public WireServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
            {
                var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                _arrivals.Enqueue(rawTarget);
                context.Request.Headers[RawTargetHeader] = rawTarget;
                context.Request.Headers[SequenceHeader] = Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Request.Headers[EpochHeader] = Volatile.Read(ref _epoch).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await next();
            }),
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _arrivals = new();

    public WireMockServer Server { get; }

    /// <summary>The raw targets of the requests received, recorded on arrival (before any response delay).</summary>
    public IReadOnlyList<string> Arrivals => [.. _arrivals];

    /// <summary>Forgets every mapping, scenario state, logged request and arrival.</summary>
    public void Reset()
    {
        Interlocked.Increment(ref _epoch);
        Server.Reset();
        Server.ResetScenarios();
        _arrivals.Clear();
        Interlocked.Exchange(ref _sequence, 0);
    }

    public Uri BaseAddress => new(Server.Url!);

    /// <summary>
    /// The requests received since the last reset, oldest first. WireMock logs a request only after it has written
    /// the response, so a caller that already has its answer may look before the log does: wait (briefly) until
    /// every request that arrived is logged. A request of an earlier test whose delayed answer ends now is
    /// logged now too: it is left out by the reset count stamped on its arrival.
    /// </summary>
    public IReadOnlyList<ILogEntry> Requests
    {
        get
        {
            var epoch = Volatile.Read(ref _epoch).ToString(System.Globalization.CultureInfo.InvariantCulture);
            List<ILogEntry> Current() => [.. Server.LogEntries.Where(e => string.Equals(e.RequestMessage!.Headers![EpochHeader][0], epoch, StringComparison.Ordinal))];
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Current().Count < _arrivals.Count && waited.Elapsed < TimeSpan.FromSeconds(1))
            {
                Thread.Sleep(1);
            }

            return [.. Current().OrderBy(e => e.RequestMessage!.DateTime)];
        }
    }

    public void Dispose() => Server.Stop();
}

public static class LogEntryExtensions
{
    public static string RawTarget(this ILogEntry entry) => entry.RequestMessage!.Headers![WireServer.RawTargetHeader][0];

    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static bool HasHeader(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
