using BenchmarkDotNet.Attributes;

namespace Mielto.Client.Benchmarks;

/// <summary>The minimal Kestrel server and the clients pointed at it, shared by the benchmarks that go over the network.</summary>
public abstract class KestrelBenchmark
{
    private MinimalServer _server = null!;

    protected Clients Clients { get; private set; } = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await MinimalServer.StartAsync();
        Clients = new Clients(_server.BaseAddress);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Clients.Dispose();
        await _server.DisposeAsync();
    }
}
