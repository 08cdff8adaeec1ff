using Polly;
using System.Diagnostics;
using Mielto.Client.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Mielto.Client.Benchmarks;

internal static class Probe
{
    public static async Task<int> RunAsync()
    {
        await using var server = await MinimalServer.StartAsync();
        using var clients = new Clients(server.BaseAddress);
        var options = new MieltoClientOptions { BaseAddress = server.BaseAddress, ApiKey = Canned.ApiKey };
        IMemoriesClient Build(bool resilience, bool attempt, Polly.ResiliencePipeline<HttpResponseMessage>? pipeline = null)
        {
            HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            if (attempt)
            {
                handler = new AttemptHandler { InnerHandler = handler };
            }

            if (resilience)
            {
                handler = new ResilienceHandler(pipeline ?? MieltoResilience.Build(options, TimeProvider.System)) { InnerHandler = handler };
            }

            var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            var settings = RefitSettings.ForJsonContext(MieltoJsonContext.Default);
            var token = new ValueTask<string>(Canned.ApiKey);
            settings.AuthorizationHeaderValueGetter = (_, _) => token;
            settings.TransportExceptionFactory = (_, e, _) => e;
            return new MemoriesClient(RestService.ForGenerated<IMemoriesApi>(http, settings), options, NullLogger<MemoriesClient>.Instance, TimeProvider.System);
        }

        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => clients.RawAsync(Canned.MemoryId)),
            ("sdk di", () => clients.Di.DeleteAsync(Canned.MemoryId)),
            ("empty pipeline", Wrap(Build(true, true, new Polly.ResiliencePipelineBuilder<HttpResponseMessage>().Build()))),
            ("timeout only", Wrap(Build(true, true, new Polly.ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(TimeSpan.FromSeconds(30)).Build()))),
            ("retry only", Wrap(Build(true, true, new Polly.ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new Polly.Retry.RetryStrategyOptions<HttpResponseMessage>()).Build()))),
            ("no resilience", Wrap(Build(false, true))),
        };
        var results = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var round = 0; round < 6; round++)
        {
            foreach (var (name, call) in variants)
            {
                var next = -1;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) < 20000)
                    {
                        await call();
                    }
                })));
                if (round > 0)
                {
                    results[name].Add(20000 / watch.Elapsed.TotalSeconds);
                }
            }
        }

        foreach (var (name, values) in results)
        {
            Console.WriteLine($"64 in flight: {name,-14} median {values.Order().ElementAt(values.Count / 2):0} calls/s ({string.Join(", ", values.Select(v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
        }

        return 0;
    }

    private static Func<Task> Wrap(IMemoriesClient client) => () => client.DeleteAsync(Canned.MemoryId);
}
