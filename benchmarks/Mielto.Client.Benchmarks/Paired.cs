using System.Diagnostics;
using System.Globalization;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The raw call and the SDK (via <c>AddMieltoClient</c>) timed in alternation against Kestrel, block after block,
/// each pair in turn starting with the other side. On a machine whose speed drifts (a shared virtual machine,
/// where a single benchmark's error can reach 30 %), both sides of a pair see the same machine, so the median of
/// the per-pair ratios is a far steadier figure than a ratio of two means taken a minute apart.
/// </summary>
internal static class Paired
{
    private const int WarmupPairs = 3;

    public static async Task<int> RunAsync(int pairs)
    {
        await using var server = await MinimalServer.StartAsync();
        using var clients = new Clients(server.BaseAddress);
        Func<Task> raw = () => clients.RawAsync(Canned.MemoryId);
        Func<Task> sdk = () => clients.Di.DeleteAsync(Canned.MemoryId);

        var latency = await RatiosAsync(raw, sdk, inFlight: 1, calls: 5_000, pairs);
        Report($"latency, 1 in flight: SDK / raw time per call, {pairs} pairs of 5,000 calls", latency.Select(r => r.Time));
        Report("bytes per call, 1 in flight: SDK / raw", latency.Select(r => r.Bytes));

        // At 64 in flight, throughput is calls per unit of time: SDK / raw is the inverse of the time ratio.
        var throughput = await RatiosAsync(raw, sdk, inFlight: 64, calls: 10_000, pairs);
        Report($"throughput, 64 in flight: SDK / raw calls per second, {pairs} pairs of 10,000 calls", throughput.Select(r => 1 / r.Time));
        Report("bytes per call, 64 in flight: SDK / raw", throughput.Select(r => r.Bytes));
        return 0;
    }

    private static async Task<List<(double Time, double Bytes)>> RatiosAsync(Func<Task> raw, Func<Task> sdk, int inFlight, int calls, int pairs)
    {
        var ratios = new List<(double Time, double Bytes)>();
        for (var pair = 0; pair < pairs + WarmupPairs; pair++)
        {
            // Alternate which side goes first, so that neither always follows the other's garbage.
            var rawFirst = pair % 2 == 0;
            var first = await BlockAsync(rawFirst ? raw : sdk, inFlight, calls);
            var second = await BlockAsync(rawFirst ? sdk : raw, inFlight, calls);
            var (rawBlock, sdkBlock) = rawFirst ? (first, second) : (second, first);
            if (pair >= WarmupPairs)
            {
                ratios.Add((sdkBlock.Seconds / rawBlock.Seconds, sdkBlock.Bytes / rawBlock.Bytes));
            }
        }

        return ratios;
    }

    private static async Task<(double Seconds, double Bytes)> BlockAsync(Func<Task> call, int inFlight, int calls)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Probe.RunInFlightAsync(call, calls, inFlight);
        return (watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static void Report(string figure, IEnumerable<double> ratios)
    {
        var sorted = ratios.Order().ToList();
        double At(double quantile) => Stats.Quantile(sorted, quantile);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{figure}: median {At(0.5):0.000} (quartiles {At(0.25):0.000} to {At(0.75):0.000}, range {sorted[0]:0.000} to {sorted[^1]:0.000})"));
    }
}
