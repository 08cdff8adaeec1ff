using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The two network time figures measured by BenchmarkDotNet, raw and SDK in alternating runs: each pair of
/// runs measures both benchmarks one after the other (in process, so a run takes seconds), starting with the
/// other side than the last pair, and the figure is the median of the per-pair ratios. BenchmarkDotNet's usual
/// session measures each benchmark once, a minute apart, which on a machine whose speed drifts compares two
/// different machines.
/// </summary>
internal static class AlternatingRuns
{
    public static int Run(int pairs)
    {
        var latency = Ratios<KestrelDeleteBenchmarks>(nameof(KestrelDeleteBenchmarks.Raw), nameof(KestrelDeleteBenchmarks.SdkDi), pairs);
        var throughput = Ratios<ConcurrentDeleteBenchmarks>(nameof(ConcurrentDeleteBenchmarks.Raw), nameof(ConcurrentDeleteBenchmarks.SdkDi), pairs);
        Report($"latency, 1 in flight: SDK / raw mean time per call, {pairs} pairs of runs", latency);
        Report($"throughput, 64 in flight: SDK / raw calls per second, {pairs} pairs of runs", throughput.Select(r => 1 / r));
        return 0;
    }

    private static List<double> Ratios<T>(string raw, string sdk, int pairs)
    {
        var ratios = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var first = pair % 2 == 0 ? raw : sdk;
            var second = pair % 2 == 0 ? sdk : raw;
            var means = new Dictionary<string, double>(StringComparer.Ordinal) { [first] = Mean<T>(first) };
            means[second] = Mean<T>(second);
            ratios.Add(means[sdk] / means[raw]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{typeof(T).Name}, pair {pair + 1}: raw {means[raw]:0} ns, SDK {means[sdk]:0} ns, ratio {ratios[^1]:0.000}"));
        }

        return ratios;
    }

    private static double Mean<T>(string method)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddLogger(NullLogger.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .AddFilter(new NameFilter(name => string.Equals(name, method, StringComparison.Ordinal)))
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run<T>(config);
        return summary.Reports.Single().ResultStatistics!.Mean;
    }

    private static void Report(string figure, IEnumerable<double> ratios)
    {
        var sorted = ratios.Order().ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{figure}: median {Stats.Median(sorted):0.000} (range {sorted[0]:0.000} to {sorted[^1]:0.000}; {string.Join(", ", sorted.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))})"));
    }
}
