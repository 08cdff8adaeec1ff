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
    private const int Calls = 20_000;
    private const int Rounds = 6;

    public static async Task<int> RunAsync()
    {
        await using var server = await MinimalServer.StartAsync();
        using var clients = new Clients(server.BaseAddress);
        var options = new MieltoClientOptions { BaseAddress = server.BaseAddress, ApiKey = Canned.ApiKey };
        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => clients.RawAsync(Canned.MemoryId)),
            ("sdk di", () => clients.Di.DeleteAsync(Canned.MemoryId)),
            ("empty pipeline", Compose(options, new ResiliencePipelineBuilder<HttpResponseMessage>().Build())),
            ("timeout only", Compose(options, new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.Timeout).Build())),
            ("retry only", Compose(options, new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>()).Build())),
            ("no resilience", Compose(options, pipeline: null)),
        };

        var results = variants.ToDictionary(v => v.Name, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, call) in variants)
            {
                Console.Write(name);
                var rate = await MeasureAsync(call);
                if (round > 0)
                {
                    // The first round warms up the JIT and the connection pools.
                    results[name].Add(rate);
                }
            }
        }

        foreach (var (name, rates) in results)
        {
            var sorted = rates.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{InFlight} in flight: {name,-14} median {sorted[sorted.Count / 2]:0} calls/s ({string.Join(", ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})"));
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(Func<Task> call)
    {
        var next = -1;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < Calls)
            {
                await call();
            }
        })));
        var rate = Calls / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rate:0} calls/s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Calls} bytes per call (server included)"));
        return rate;
    }

    /// <summary>The SDK's client over its attempt handler and the given pipeline (none when null).</summary>
    private static Func<Task> Compose(MieltoClientOptions options, ResiliencePipeline<HttpResponseMessage>? pipeline)
    {
        HttpMessageHandler handler = new AttemptHandler { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
        if (pipeline is not null)
        {
            handler = new ResilienceHandler(pipeline) { InnerHandler = handler };
        }

        var http = new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var settings = RefitSettings.ForJsonContext(MieltoJsonContext.Default);
        var token = new ValueTask<string>(Canned.ApiKey);
        settings.AuthorizationHeaderValueGetter = (_, _) => token;
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        var client = new MemoriesClient(RestService.ForGenerated<IMemoriesApi>(http, settings), options, NullLogger<MemoriesClient>.Instance, TimeProvider.System);
        return () => client.DeleteAsync(Canned.MemoryId);
    }
}
