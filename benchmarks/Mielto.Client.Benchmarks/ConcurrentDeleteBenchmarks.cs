using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

/// <summary>64 deletes in flight at all times against Kestrel: throughput is operations per second of this benchmark.</summary>
[MemoryDiagnoser]
public class ConcurrentDeleteBenchmarks : KestrelBenchmark
{
    public const int InFlight = 64;
    private const int Calls = 2048;

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task Raw() => RunAsync(Clients.RawAsync);

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task SdkDi() => RunAsync(id => Clients.Di.DeleteAsync(id));

    private static async Task RunAsync(Func<string, Task<MemoryDeleteResponse>> delete)
    {
        var next = -1;
        var workers = new Task[InFlight];
        for (var w = 0; w < InFlight; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < Calls)
                {
                    await delete(Canned.MemoryId);
                }
            });
        }

        await Task.WhenAll(workers);
    }
}
