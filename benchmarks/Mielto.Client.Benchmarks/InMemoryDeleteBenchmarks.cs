using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

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
