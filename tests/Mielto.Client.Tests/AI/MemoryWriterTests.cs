using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mielto.Client.AI;
using Mielto.Client.Testing;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.AI;

/// <summary>
/// The write-behind writer the memory middleware stores through: bounded, drained on flush and on disposal within a
/// deadline, and every store that is not sent counted and logged. In the stand-in's collection, so that the counts it
/// reads are of these tests' writers only.
/// </summary>
[Collection(StandInCollection.Name)]
public sealed class MemoryWriterTests(StandInFixture fixture) : StandInTest(fixture), IDisposable
{
    private readonly ConcurrentQueue<(string Outcome, long Count)> _counted = new();
    private readonly MeterListener _listener = new();

    private static MemoryStore Store(string text) => new(MieltoMemoryStorage.UserMessages, "user_1", null, null, text, string.Empty);

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MieltoTelemetry.MeterName && instrument.Name == "mielto.ai.memory.stores")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _counted.Enqueue(((string)tags[0].Value!, value)));
        _listener.Start();
    }

    private long Counted(string outcome) => _counted.Where(c => c.Outcome == outcome).Sum(c => c.Count);

    [Fact]
    public async Task A_full_writer_drops_the_store_and_counts_and_logs_it()
    {
        Listen();
        Server.DelayNext(1, TimeSpan.FromSeconds(2), MieltoOperation.Create);
        var logs = new LogCapture();
        await using var writer = new MieltoMemoryWriter(Memories, new MieltoMemoryWriterOptions { Capacity = 1, MaxConcurrency = 1 }, logs.CreateLogger("writer"));

        Assert.True(writer.Enqueue(Store("first, being sent")));
        await Until.TrueAsync(() => writer.Waiting == 0);
        Assert.True(writer.Enqueue(Store("second, waiting")));
        Assert.False(writer.Enqueue(Store("third, no room")));

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first, being sent", "second, waiting"], Server.Memories.Select(m => m.Content).Order(StringComparer.Ordinal));
        Assert.Equal((2, 1), (Counted("sent"), Counted("dropped")));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("store queue is full (1 pending); a memory was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposal_sends_what_is_pending()
    {
        var writer = new MieltoMemoryWriter(Memories, new MieltoMemoryWriterOptions { MaxConcurrency = 2 });
        for (var i = 0; i < 50; i++)
        {
            writer.Enqueue(Store($"note {i}"));
        }

        await writer.DisposeAsync();

        Assert.Equal(50, Server.Memories.Count);
        Assert.Equal(0, writer.Pending);
        Assert.False(writer.Enqueue(Store("after disposal")));
    }

    [Fact]
    public async Task Disposal_stops_at_its_deadline_and_counts_and_logs_what_it_could_not_send()
    {
        Listen();
        Server.DelayNext(3, TimeSpan.FromSeconds(30), MieltoOperation.Create);
        var logs = new LogCapture();
        var writer = new MieltoMemoryWriter(Memories, new MieltoMemoryWriterOptions { MaxConcurrency = 1, DrainTimeout = TimeSpan.FromMilliseconds(200) }, logs.CreateLogger("writer"));
        writer.Enqueue(Store("held"));
        writer.Enqueue(Store("behind it"));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await writer.DisposeAsync();

        // The deadline, not the 30 s the server holds the store, with room for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(Server.Memories);
        Assert.Equal(2, Counted("lost"));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("2 Mielto memory store(s) were still pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_fails_for_good_is_counted_and_logged_without_its_text()
    {
        Listen();
        Server.FailNext(1, System.Net.HttpStatusCode.InternalServerError, operation: MieltoOperation.Create);
        var logs = new LogCapture();
        await using var writer = new MieltoMemoryWriter(Memories, logger: logs.CreateLogger("writer"));

        writer.Enqueue(Store("secret-ish text"));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, Counted("failed"));
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain("secret-ish", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_writer_serves_the_middleware_and_the_containers_disposal_drains_it()
    {
        Server.DelayNext(1, TimeSpan.FromMilliseconds(300), MieltoOperation.Create);
        var services = new ServiceCollection();
        services.AddMieltoClient(o => Server.Configure(o));
        services.AddMieltoMemoryWriter(o => o.DrainTimeout = TimeSpan.FromSeconds(10));
        services.AddChatClient(new ScriptedChatClient()).UseMieltoMemory(o => o.Storage = MieltoMemoryStorage.UserMessages);
        var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatClient>();

        await chat.GetResponseAsync("I drink jasmine tea", new ChatOptions { AdditionalProperties = new() { [MieltoMemoryChatOptions.UserIdProperty] = "user_1" } });
        Assert.Equal(1, provider.GetRequiredService<MieltoMemoryWriter>().Pending);
        await provider.DisposeAsync();

        Assert.Equal("I drink jasmine tea", Assert.Single(Server.Memories).Content);
    }

    public void Dispose() => _listener.Dispose();
}
