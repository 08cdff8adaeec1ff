using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

/// <summary>One DELETE at a time against Kestrel on 127.0.0.1: latency and bytes allocated per call.</summary>
[MemoryDiagnoser]
public class KestrelDeleteBenchmarks
{
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

    [Benchmark(Baseline = true)]
    public Task<MemoryDeleteResponse> Raw() => _clients.RawAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> SdkDi() => _clients.Di.DeleteAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> SdkConstructed() => _clients.Constructed.DeleteAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> RefitBare() => _clients.RefitAsync(Canned.MemoryId);
}

/// <summary>
/// The same calls over an in-memory handler that returns a canned response: no network, so the difference
/// from the raw call is the SDK's own cost.
/// </summary>
[MemoryDiagnoser]
public class InMemoryDeleteBenchmarks
{
    private Clients _clients = null!;

    [GlobalSetup]
    public void Setup() => _clients = new Clients(baseAddress: null);

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true)]
    public Task<MemoryDeleteResponse> Raw() => _clients.RawAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> SdkDi() => _clients.Di.DeleteAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> RefitBare() => _clients.RefitAsync(Canned.MemoryId);
}

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
