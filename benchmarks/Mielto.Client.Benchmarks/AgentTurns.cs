using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Agents;
using Mielto.Client.AI;
using Mielto.Client.Testing;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// What the Agent Framework provider adds to a turn, with the stand-in in a process of its own (<c>serve-agent</c>)
/// adding <see cref="LatencyMs"/> ms to each answer and a model that answers at once: a bare agent's turn, the same
/// turn with the provider recalling (storing nothing, then storing what the user said), and one raw
/// <see cref="HttpClient"/> search, the recall's round trip, measured side by side in rotating order after a warm-up.
/// Then the client's CPU and allocated bytes per turn of each kind, and how long <c>FlushAsync</c> takes to drain
/// 1,000 pending stores.
/// </summary>
internal static class AgentTurns
{
    private const int LatencyMs = 20;
    private const string User = "user_1";

    public static async Task<int> RunAsync(int turns, int warmUpSeconds)
    {
        using var server = Child.Start(talk: true, "serve-agent");
        try
        {
            var (address, apiKey, sdk) = await Child.ConnectAsync(server);
            await using var container = sdk;
            var memories = container.GetRequiredService<IMemoriesClient>();
            using var raw = new HttpClient { BaseAddress = address };
            raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

            await using var recalling = new MieltoMemoryProvider(memories, _ => new MieltoMemoryScope(User), new() { Storage = MieltoMemoryStorage.None });
            await using var storing = new MieltoMemoryProvider(memories, _ => new MieltoMemoryScope(User));
            var kinds = new (string Name, Func<int, Task> Turn)[]
            {
                ("raw search (one recall round trip)", _ => SearchAsync(raw)),
                ("bare agent turn", Agent(null)),
                ("turn with the provider, storing nothing", Agent(recalling)),
                ("turn with the provider, storing what the user said", Agent(storing)),
            };

            Console.WriteLine($"server: process {server.Id} at {address}, {LatencyMs} ms added to each answer; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var n = await LatencyAsync(kinds, turns, warmUpSeconds);
            await storing.FlushAsync();
            for (var k = 0; k < kinds.Length; k++)
            {
                await CostAsync(kinds[k].Name, kinds[k].Turn, k == 3 ? storing : null, n += 1_000_000);
            }

            await DrainAsync(memories);
            return 0;
        }
        finally
        {
            await Child.StopAsync(server);
        }

        Func<int, Task> Agent(MieltoMemoryProvider? provider)
        {
            var agent = new ChatClientAgent(new AnsweringModel(), new ChatClientAgentOptions { AIContextProviders = provider is null ? null : [provider] });
            return async i => await agent.RunAsync(string.Create(CultureInfo.InvariantCulture, $"Which tea should I order, take {i}?"), await agent.CreateSessionAsync());
        }
    }

    /// <summary>Warms up, then times each kind of turn <paramref name="turns"/> times, side by side; returns the turns run.</summary>
    private static async Task<int> LatencyAsync((string Name, Func<int, Task> Turn)[] kinds, int turns, int warmUpSeconds)
    {
        var warm = Stopwatch.StartNew();
        var n = 0;
        while (warm.Elapsed < TimeSpan.FromSeconds(warmUpSeconds))
        {
            foreach (var kind in kinds)
            {
                await kind.Turn(n++);
            }
        }

        Console.WriteLine($"warm-up: {warm.Elapsed.TotalSeconds:0.0} s, {n} turns");
        var times = kinds.Select(_ => new List<double>(turns)).ToArray();
        for (var i = 0; i < turns; i++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                // A rotating order, so that no kind always follows the same one.
                var which = (i + k) % kinds.Length;
                var start = Stopwatch.GetTimestamp();
                await kinds[which].Turn(n++);
                times[which].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        for (var k = 0; k < kinds.Length; k++)
        {
            var sorted = times[k].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kinds[k].Name}: median {Stats.Median(sorted):0.00} ms, p90 {Stats.Quantile(sorted, 0.9):0.00} ms over {turns}"));
        }

        var roundTrip = Stats.Median(times[0]);
        var overhead = Stats.Median(times[2]) - Stats.Median(times[1]);
        var store = Stats.Median(times[3]) - Stats.Median(times[2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider overhead (median turn with the provider - bare): {overhead:0.00} ms; target <= one recall round trip + 2 ms = {roundTrip + 2:0.00} ms: {(overhead <= roundTrip + 2 ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store's time on the turn (median storing - not storing): {store:0.00} ms (target 0, off the path)"));
        return n;
    }

    /// <summary>The stand-in with the latency, seeded with the user's memories, until standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await MieltoTestServer.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(LatencyMs));
        for (var i = 0; i < 50; i++)
        {
            server.AddMemory(string.Create(CultureInfo.InvariantCulture, $"mem_{i:D3}"), User, content: $"note {i}: Ada likes tea number {i}, brewed for {i % 5 + 2} minutes");
        }

        Console.WriteLine(server.BaseAddress);
        Console.WriteLine(server.ApiKey);
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        return 0;
    }

    private static async Task SearchAsync(HttpClient raw)
    {
        using var body = new StringContent("""{"query":"Which tea should I order?","user_id":"user_1","limit":5}""", Encoding.UTF8, "application/json");
        using var response = await raw.PostAsync("api/v1/memories/search", body);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The client's CPU time and allocated bytes per turn, over 200 turns in a row (the stores sent included).</summary>
    private static async Task CostAsync(string name, Func<int, Task> turn, MieltoMemoryProvider? storing, int first)
    {
        const int Count = 200;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Count; i++)
        {
            await turn(first + i);
        }

        if (storing is not null)
        {
            await storing.FlushAsync();
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: client CPU {(process.TotalProcessorTime - cpu).TotalMicroseconds / Count:0} us and {(GC.GetTotalAllocatedBytes(precise: true) - bytes) / Count / 1024.0:0.0} KiB allocated per turn"));
    }

    /// <summary>1,000 stores queued at once, then the time <c>FlushAsync</c> takes to see them all sent; one warm-up round and 5 measured.</summary>
    private static async Task DrainAsync(IMemoriesClient memories)
    {
        var drains = new List<double>();
        var scope = new MieltoMemoryScope("user_drain");
        for (var round = 0; round <= 5; round++)
        {
            await using var engine = new MieltoMemoryEngine(memories, new MieltoMemoryOptions { Storage = MieltoMemoryStorage.UserMessages });
            for (var i = 0; i < 1_000; i++)
            {
                engine.Store(scope, string.Create(CultureInfo.InvariantCulture, $"round {round}, store {i}"));
            }

            var start = Stopwatch.GetTimestamp();
            await engine.FlushAsync();
            if (round > 0)
            {
                drains.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1,000 pending stores drained by FlushAsync in a median {Stats.Median(drains):0} ms (max {drains.Max():0}) over 5 rounds, at the writer's default concurrency of {new MieltoMemoryWriterOptions().MaxConcurrency}; target <= 1,000 ms"));
    }

    /// <summary>A model that answers at once, so that the turn is the agent's and the provider's own time.</summary>
    private sealed class AnsweringModel : IChatClient
    {
        private static readonly ChatResponse Answer = new(new ChatMessage(ChatRole.Assistant, "A sencha."));

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult(Answer);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
