using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Testing;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// <c>DeleteAllForUserAsync</c> of 2,000 memories under a limit of 200 requests a second, with the rate-limited
/// stand-in in a process of its own (<c>serve-erase</c>) and warm: the time it took over the time the limit allows for
/// the requests it needed (those not answered 429), per run.
/// </summary>
internal static class EraseRuns
{
    private const int PerSecond = 200;
    private const int Mine = 2_000;
    private const int Theirs = 300;

    /// <summary>Runs the erasure <paramref name="runs"/> times after one warm-up run, reseeding the server before each.</summary>
    public static async Task<int> RunAsync(int runs)
    {
        using var server = Child.Start(talk: true, "serve-erase");
        try
        {
            var (address, _, sdk) = await Child.ConnectAsync(server);
            await using var container = sdk;
            var memories = container.GetRequiredService<IMemoriesClient>();
            Console.WriteLine($"server: process {server.Id} at {address}, {PerSecond} requests/s; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var ratios = new List<double>();
            var limitedShares = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                // Reset as well: the limit's windows of the last run are forgotten.
                await AskAsync(server, "seed");
                var watch = Stopwatch.StartNew();
                var result = await memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 8 });
                watch.Stop();
                var counts = (await AskAsync(server, "count")).Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                var (requests, limited) = (counts[0], counts[1]);
                if (!result.Complete || result.Deleted != Mine || counts[2] != Theirs)
                {
                    throw new InvalidOperationException($"the erasure left {result}; {counts[2]} memories on the server");
                }

                var allowed = (requests - limited) / (double)PerSecond;
                var ratio = watch.Elapsed.TotalSeconds / allowed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(run == 0 ? "warm-up" : $"run {run}")}: {watch.Elapsed.TotalSeconds:0.000} s for {requests - limited} requests taken and {limited} answered 429 ({100.0 * limited / requests:0.0} %); the limit allows {allowed:0.000} s: {ratio:0.000}"));
                if (run > 0)
                {
                    ratios.Add(ratio);
                    limitedShares.Add(100.0 * limited / requests);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"erasure of {Mine} at {PerSecond} requests/s: time / the time the limit allows, median {Stats.Median(ratios):0.000} of {runs} runs ({string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}); " +
                $"{ratios.Count(r => r > 1.15)} above 1.15; answered 429 {limitedShares.Min():0.0} to {limitedShares.Max():0.0} %"));
            return 0;
        }
        finally
        {
            await Child.StopAsync(server);
        }
    }

    /// <summary>
    /// The stand-in with the limit, until standard input closes. It prints its address and its key, then answers each
    /// line: <c>seed</c> (forget everything, the limit's windows included, add the memories, print <c>seeded</c>) and <c>count</c> (print the requests
    /// since the seeding, how many were answered 429, and the memories left).
    /// </summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await MieltoTestServer.StartAsync(o => o.RateLimit = PerSecond);
        Console.WriteLine(server.BaseAddress);
        Console.WriteLine(server.ApiKey);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            switch (line)
            {
                case "seed":
                    server.Reset();
                    Seed(server, "user_1", Mine, "mine");
                    Seed(server, "user_2", Theirs, "theirs");
                    Console.WriteLine("seeded");
                    break;
                case "count":
                    var requests = server.Requests;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests.Count} {requests.Count(r => r.StatusCode == 429)} {server.Memories.Count}"));
                    break;
                default:
                    Console.Error.WriteLine($"unknown command {line}");
                    break;
            }
        }

        return 0;
    }

    private static void Seed(MieltoTestServer server, string userId, int count, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            server.AddMemory(string.Create(CultureInfo.InvariantCulture, $"{prefix}_{i:D5}"), userId, content: $"memory {i} of {userId}");
        }
    }

    private static async Task<string> AskAsync(Process server, string command)
    {
        await server.StandardInput.WriteLineAsync(command);
        await server.StandardInput.FlushAsync();
        return await Child.ReadAsync(server);
    }
}
