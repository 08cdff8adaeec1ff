using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

/// <summary>One DELETE at a time against Kestrel on 127.0.0.1: latency and bytes allocated per call.</summary>
[MemoryDiagnoser]
public class KestrelDeleteBenchmarks : KestrelBenchmark
{
    [Benchmark(Baseline = true)]
    public Task<MemoryDeleteResponse> Raw() => Clients.RawAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> SdkDi() => Clients.Di.DeleteAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> SdkConstructed() => Clients.Constructed.DeleteAsync(Canned.MemoryId);

    [Benchmark]
    public Task<MemoryDeleteResponse> RefitBare() => Clients.RefitAsync(Canned.MemoryId);
}
