using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Mielto.Client.Http;
using Polly;
using Polly.Retry;
using Refit;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// An ablation at 64 in flight against Kestrel: the raw call, the SDK, and the SDK's pieces composed by hand
/// with one layer changed or removed, each run in rounds and reported as the median calls per second.
/// </summary>
internal static class Probe
{
    private const int InFlight = 64;
    private const int Calls = 10_000;
    private const int Rounds = 10;

    public static async Task<int> RunAsync(string? profile)
    {
        await using var server = await MinimalServer.StartAsync();
        using var clients = new Clients(server.BaseAddress);
        var options = new MieltoClientOptions { BaseAddress = server.BaseAddress, ApiKey = Canned.ApiKey };
        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => clients.RawAsync(Canned.MemoryId)),
            ("sdk di", () => clients.Di.DeleteAsync(Canned.MemoryId)),
            ("sdk new", () => clients.Constructed.DeleteAsync(Canned.MemoryId)),
            ("bare refit", () => clients.RefitAsync(Canned.MemoryId)),
            ("no call handler", Compose(options, handler: null)),
            ("polly every call", Compose(options, new ResilienceHandler(PollyOnEveryCall(options)))),
        };

        if (profile is not null)
        {
            var (name, call) = variants.Single(v => string.Equals(v.Name, profile, StringComparison.Ordinal));
            return await AllocationProfile.RunAsync(name, call, 100_000);
        }

        var results = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, call) in variants)
            {
                Console.Write(name);
                var measured = await MeasureAsync(call);
                if (round > 0)
                {
                    // The first round warms up the JIT and the connection pools.
                    results[name].Add(measured);
                }
            }
        }

        foreach (var (name, rates) in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{InFlight} in flight: {name,-16} median {Stats.Median(rates):0} calls/s ({string.Join(", ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})"));
        }

        return 0;
    }

    /// <summary>Makes <paramref name="calls"/> calls, <paramref name="inFlight"/> at a time.</summary>
    public static Task RunInFlightAsync(Func<Task> call, int calls, int inFlight = InFlight)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                await call();
            }
        })));
    }

    private static async Task<double> MeasureAsync(Func<Task> call)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await RunInFlightAsync(call, Calls);
        var rate = Calls / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rate:0} calls/s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Calls} bytes per call (server included)"));
        return rate;
    }

    /// <summary>The SDK's client over the given handler (none when null), then the socket handler.</summary>
    private static Func<Task> Compose(MieltoClientOptions options, DelegatingHandler? handler)
    {
        HttpMessageHandler transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (handler is not null)
        {
            handler.InnerHandler = transport;
            transport = handler;
        }

        var http = new HttpClient(transport) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var client = new MemoriesClient(RestService.ForGenerated<IMemoriesApi>(http, MieltoHttp.CreateRefitSettings()), options, NullLogger<MemoriesClient>.Instance, TimeProvider.System);
        return () => client.DeleteAsync(Canned.MemoryId);
    }

    /// <summary>
    /// The design the SDK measured and left: Microsoft.Extensions.Http.Resilience's handler running Polly's retry and
    /// per-attempt timeout on every call (the body read after it).
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> PollyOnEveryCall(MieltoClientOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage> { MaxRetryAttempts = options.MaxRetries, ShouldHandle = args => new(MieltoResilience.IsTransient(args.Outcome, request: null)) })
            .AddTimeout(options.Timeout)
            .Build();
}
