using System.Diagnostics;

namespace Mielto.Client.Benchmarks;

/// <summary>What some work did to the managed heap, in bytes above a full collection before it.</summary>
/// <param name="PeakWithGarbage">The heap at its largest, sampled every 5 ms, garbage not yet collected included.</param>
/// <param name="PeakLive">The heap after the latest collection, at its largest: what survived, which grows if the work keeps what it reads.</param>
/// <param name="Collections">How many first-generation collections ran during the work.</param>
/// <param name="Allocated">What the whole process allocated during the work.</param>
/// <param name="After">The heap after a full collection at the end.</param>
/// <param name="Elapsed">How long the work took.</param>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
internal readonly record struct HeapWatch(long PeakWithGarbage, long PeakLive, int Collections, long Allocated, long After, TimeSpan Elapsed)
{
    /// <summary>Runs <paramref name="work"/> and watches the heap meanwhile.</summary>
    public static async Task<HeapWatch> MeasureAsync(Func<Task> work)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var (startIndex, startCollections) = (GC.GetGCMemoryInfo().Index, GC.CollectionCount(0));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (peakLive, peakWithGarbage) = (baseline, baseline);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var info = GC.GetGCMemoryInfo();
                peakLive = info.Index > startIndex ? Math.Max(peakLive, info.HeapSizeBytes - info.FragmentedBytes) : peakLive;
                peakWithGarbage = Math.Max(peakWithGarbage, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        var total = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var collections = GC.CollectionCount(0) - startCollections;
        return new HeapWatch(peakWithGarbage - baseline, peakLive - baseline, collections, total, GC.GetTotalMemory(forceFullCollection: true) - baseline, watch.Elapsed);
    }

    /// <summary>Runs both sides in turn for <paramref name="seconds"/>, so that what is measured next runs in its steady state.</summary>
    public static async Task WarmUpAsync(Func<Task> raw, Func<Task> sdk, int seconds)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await raw();
            await sdk();
        }
    }
}
