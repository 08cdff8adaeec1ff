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
