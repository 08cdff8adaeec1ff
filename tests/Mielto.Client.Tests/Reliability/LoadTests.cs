using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// Many deletes through one client at 64 in flight: every call gets its own result, connections are reused,
/// and memory stays flat after warm-up. MIELTO_LOAD_CALLS sets the number of calls (default 4,000; the figures
/// in docs/reliability.md are from 20,000). It runs alone: the heap it measures is the whole process's, which
/// tests running beside it would grow.
/// </summary>
[Collection(Infrastructure.HeapMeasuringCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int InFlight = 64;

    private static readonly int Calls = RunSize.From("MIELTO_LOAD_CALLS", 4000);

    [Fact]
    public async Task Deletes_at_64_in_flight_each_return_their_own_result_over_reused_connections_in_flat_memory()
    {
        using var server = new RawHttpServer(exchange =>
        {
            var id = Uri.UnescapeDataString(exchange.Request.Target["/api/v1/memories/".Length..]);
            return exchange.RespondAsync(200, $$"""{"memory_id":{{JsonSerializer.Serialize(id)}},"message":"Memory deleted successfully"}""");
        }, record: false);
        using var client = new SdkClient(server.BaseAddress, "mk_load");
        var memories = client.Memories;
        var ids = Enumerable.Range(0, Calls).Select(i => $"mem_{i}/é?{i % 7}").ToArray();
        var warmUp = Math.Min(Math.Max(Calls / 10, 1500), Calls / 2);

        var mismatches = await RunAsync(memories, ids[..warmUp]);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        mismatches += await RunAsync(memories, ids[warmUp..]);
        var elapsed = watch.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"{Calls} deletes at {InFlight} in flight: {(Calls - warmUp) / elapsed.TotalSeconds:0} calls/s after warm-up, " +
            $"{server.Connections} connections, managed heap {heapBefore / 1024} KiB after warm-up and {heapAfter / 1024} KiB at the end");
        Assert.Equal(0, mismatches);
        Assert.Equal(Calls, server.Requests);
        // One connection per call in flight, give or take the few the pool opens while others are finishing.
        Assert.InRange(server.Connections, 1, InFlight + (InFlight / 4));
        Assert.True(heapAfter - heapBefore < 8 * 1024 * 1024, $"the heap grew by {(heapAfter - heapBefore) / 1024} KiB");
    }

    private static async Task<int> RunAsync(IMemoriesClient memories, string[] ids)
    {
        var mismatches = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (id, token) =>
        {
            var result = await memories.DeleteAsync(id, cancellationToken: token);
            if (result.MemoryId != id)
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        return mismatches;
    }
}
