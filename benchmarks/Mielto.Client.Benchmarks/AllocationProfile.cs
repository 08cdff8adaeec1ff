using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// Which types a variant allocates, per call, over Kestrel at 64 in flight: the runtime's allocation sampling
/// (an event about every 100 KB, naming the type that crossed the mark) read in process. The estimate per type
/// is the sampled share of the measured total, so small types are seen only over enough calls.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const long AllocationTickKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _samples = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public static async Task<int> RunAsync(string variant, Func<Task> call, int calls)
    {
        for (var i = 0; i < 2_000; i++)
        {
            await call();
        }

        using var profile = new AllocationProfile();
        profile._recording = true;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Probe.RunInFlightAsync(call, calls);
        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
        profile._recording = false;

        var total = profile._samples.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant}: {perCall:0} bytes per call (server included), {total} samples"));
        foreach (var (type, count) in profile._samples.OrderByDescending(s => s.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{perCall * count / total,8:0}  {type}"));
        }

        return 0;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (string.Equals(eventSource.Name, "Microsoft-Windows-DotNETRuntime", StringComparison.Ordinal))
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)AllocationTickKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_recording && string.Equals(eventData.EventName, "GCAllocationTick_V4", StringComparison.Ordinal) && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
        {
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            _samples.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }
}
