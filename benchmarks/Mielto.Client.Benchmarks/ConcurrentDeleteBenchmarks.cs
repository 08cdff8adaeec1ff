using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

/// <summary>64 deletes in flight at all times against Kestrel: throughput is operations per second of this benchmark.</summary>
[MemoryDiagnoser]
public class ConcurrentDeleteBenchmarks
{
    public const int InFlight = 64;
    private const int Calls = 2048;

    private MinimalServer _server = null!;
    private Clients _clients = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await MinimalServer.StartAsync();
        _clients = new Clients(_server.BaseAddress);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _clients.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task Raw() => RunAsync(_clients.RawAsync);

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task SdkDi() => RunAsync(id => _clients.Di.DeleteAsync(id));

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
