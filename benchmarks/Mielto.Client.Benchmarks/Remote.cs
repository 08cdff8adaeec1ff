using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The SDK against a raw <see cref="HttpClient"/> call, with the server in a process of its own (<c>serve</c>): what
/// is measured in this process is the client's alone. Raw and SDK run in alternating blocks, each pair starting with
/// the other side; the figures are medians of the per-pair ratios, of wall time, allocated bytes and this process's
/// CPU time per call.
/// </summary>
internal static class Remote
{
    private const int WarmupPairs = 2;

    /// <summary>The figures <c>remote</c> can take, each by name; all of them when none is named.</summary>
    public static readonly string[] Figures = ["delete", "versus", "calls", "create", "search", "list"];

    public static async Task<int> RunAsync(int pairs, int listed, IReadOnlySet<string> figures)
    {
        await using var subjects = await Subjects.StartAsync(listed);
        Console.WriteLine($"server: process {subjects.Server.Id} at {subjects.BaseAddress}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var (raw, sdk) = (subjects.Raw, subjects.Sdk);
        await ReportDeletesAsync(figures, pairs, () => raw.DeleteAsync(Canned.MemoryId), () => sdk.DeleteAsync(Canned.MemoryId, userId: "user_bench"), subjects.Peers, subjects.Bare);
        if (figures.Contains("calls"))
        {
            await ReportCallsAsync(raw, sdk, subjects.Peers, subjects.Bare, pairs * 5_000);
        }

        if (figures.Contains("create"))
        {
            var create = new MemoryCreateRequest { UserId = "user_bench", Content = "The user prefers green tea in the morning." };
            await ReportAsync("create, 1 in flight", () => raw.CreateAsync(create), () => sdk.CreateAsync(create), 1, 2_000, pairs);
        }

        if (figures.Contains("search"))
        {
            var search = new MemorySearchRequest { Query = "tea", UserId = "user_bench", Limit = 100 };
            await ReportAsync("search (100 results), 1 in flight", () => raw.SearchAsync(search), () => sdk.SearchAsync(search), 1, 500, pairs);
        }

        if (figures.Contains("list"))
        {
            await ReportListAsync(raw, sdk, listed, Math.Max(3, pairs / 4));
        }

        return 0;
    }

    /// <summary>
    /// One client's deletes, <paramref name="inFlight"/> at a time, for <paramref name="seconds"/> against the server in
    /// its own process: a steady load for a profiler to sample (<c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c>).
    /// </summary>
    public static async Task<int> LoopAsync(string who, int seconds, int inFlight)
    {
        if (who is not ("sdk" or "nswag" or "refit" or "raw"))
        {
            Console.Error.WriteLine("loop takes sdk, nswag, refit or raw");
            return 2;
        }

        await using var subjects = await Subjects.StartAsync(1000);
        Func<Task> call = who switch
        {
            "sdk" => () => subjects.Sdk.DeleteAsync(Canned.MemoryId, userId: "user_bench"),
            "nswag" => () => subjects.Peers.NSwagDeleteAsync(Canned.MemoryId),
            "refit" => () => subjects.Bare.DeleteAsync(Canned.MemoryId),
            _ => () => subjects.Raw.DeleteAsync(Canned.MemoryId),
        };
        Console.WriteLine($"client process {Environment.ProcessId}, server process {subjects.Server.Id}");
        var watch = Stopwatch.StartNew();
        var calls = 0;
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds)))
        {
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await call();
                    Interlocked.Increment(ref calls);
                }
            })));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{who}: {calls / watch.Elapsed.TotalSeconds:0} calls/s, {inFlight} in flight, {Environment.CpuUsage.TotalTime.TotalMicroseconds / calls:0.0} µs CPU per call, start-up included"));
        return 0;
    }

    /// <summary>A delete at 1 and at 64 in flight: each client over raw (<c>delete</c>), and side by side with NSwag (<c>versus</c>).</summary>
    private static async Task ReportDeletesAsync(IReadOnlySet<string> figures, int pairs, Func<Task> rawDelete, Func<Task> sdkDelete, PeerClients peers, BareRefit bare)
    {
        Func<Task> nswagDelete = () => peers.NSwagDeleteAsync(Canned.MemoryId);
        Func<Task> bareDelete = () => bare.DeleteAsync(Canned.MemoryId);
        foreach (var inFlight in new[] { 1, 64 })
        {
            var calls = inFlight == 1 ? 4_000 : 8_000;
            if (figures.Contains("delete"))
            {
                await ReportAsync($"delete, {inFlight} in flight, Mielto.Client", rawDelete, sdkDelete, inFlight, calls, pairs);
                await ReportAsync($"delete, {inFlight} in flight, NSwag", rawDelete, nswagDelete, inFlight, calls, pairs);
                await ReportAsync($"delete, {inFlight} in flight, Kiota", rawDelete, () => peers.KiotaDeleteAsync(Canned.MemoryId), inFlight, calls, pairs);
                await ReportAsync($"delete, {inFlight} in flight, bare generated Refit", rawDelete, bareDelete, inFlight, calls, pairs);
            }

            if (figures.Contains("versus"))
            {
                // The clients side by side, NSwag in the place of raw: below 1 is ahead of NSwag.
                await ReportAsync($"delete, {inFlight} in flight, Mielto.Client / NSwag", nswagDelete, sdkDelete, inFlight, calls, pairs);
                await ReportAsync($"delete, {inFlight} in flight, bare generated Refit / NSwag", nswagDelete, bareDelete, inFlight, calls, pairs);
            }
        }
    }

    /// <summary>
    /// Takes one figure: <paramref name="raw"/> (the baseline, a raw call or another client) and <paramref name="sdk"/>
    /// (the client measured) in alternating blocks; each ratio is the measured client's over the baseline's.
    /// </summary>
    private static async Task ReportAsync(string figure, Func<Task> raw, Func<Task> sdk, int inFlight, int calls, int pairs)
    {
        var ratios = new List<Block>();
        Block rawTotal = default, sdkTotal = default;
        for (var pair = 0; pair < pairs + WarmupPairs; pair++)
        {
            var rawFirst = pair % 2 == 0;
            var first = await MeasureAsync(rawFirst ? raw : sdk, inFlight, calls);
            var second = await MeasureAsync(rawFirst ? sdk : raw, inFlight, calls);
            var (r, s) = rawFirst ? (first, second) : (second, first);
            if (pair >= WarmupPairs)
            {
                ratios.Add(new Block(s.Seconds / r.Seconds, s.Bytes / r.Bytes, s.Cpu / r.Cpu));
                rawTotal += r;
                sdkTotal += s;
            }
        }

        var perCall = 1.0 / (calls * pairs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{figure}: time ratio {Median(ratios.Select(b => b.Seconds)):0.000} (quartiles {Quantile(ratios.Select(b => b.Seconds), 0.25):0.000} to {Quantile(ratios.Select(b => b.Seconds), 0.75):0.000}; throughput {1 / Median(ratios.Select(b => b.Seconds)):0.000}), " +
            $"bytes {Median(ratios.Select(b => b.Bytes)):0.000} ({sdkTotal.Bytes * perCall:0} B vs {rawTotal.Bytes * perCall:0} B), " +
            $"CPU {Median(ratios.Select(b => b.Cpu)):0.000} ({sdkTotal.Cpu * perCall * 1e6:0.0} µs vs {rawTotal.Cpu * perCall * 1e6:0.0} µs); " +
            $"{rawTotal.Seconds * perCall * 1e6:0.0} µs per baseline call; {pairs} pairs of {calls} calls"));
    }

    /// <summary>
    /// A delete at 1 in flight, the clients alternating call by call: each round makes one call of each, in an order
    /// that turns every round, and times each call alone. Drift in the machine's speed, which the blocks of
    /// <see cref="ReportAsync"/> only halve, falls on both clients alike, so a difference of a few tenths of a
    /// microsecond shows. The figures are ratios of median call times: over all rounds, and over each tenth of them.
    /// </summary>
    private static async Task ReportCallsAsync(RawClient raw, IMemoriesClient sdk, PeerClients peers, BareRefit bare, int rounds)
    {
        (string Name, Func<Task> Call)[] clients =
        [
            ("raw", () => raw.DeleteAsync(Canned.MemoryId)),
            ("NSwag", () => peers.NSwagDeleteAsync(Canned.MemoryId)),
            ("bare generated Refit", () => bare.DeleteAsync(Canned.MemoryId)),
            ("Mielto.Client", () => sdk.DeleteAsync(Canned.MemoryId, userId: "user_bench")),
        ];
        var times = clients.Select(_ => new double[rounds]).ToArray();
        var warmup = rounds / 20;
        for (var round = -warmup; round < rounds; round++)
        {
            for (var turn = 0; turn < clients.Length; turn++)
            {
                var client = (turn + Math.Abs(round)) % clients.Length;
                var start = Stopwatch.GetTimestamp();
                await clients[client].Call();
                var elapsed = (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency;
                if (round >= 0)
                {
                    times[client][round] = elapsed;
                }
            }
        }

        var medians = times.Select(t => Median(t)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delete, 1 in flight, call by call over {rounds} rounds: median µs {string.Join(", ", clients.Select((c, i) => $"{c.Name} {medians[i]:0.00}"))}"));
        foreach (var (measured, baseline) in new[] { (3, 0), (1, 0), (2, 0), (3, 1), (2, 1), (3, 2) })
        {
            var tenths = Enumerable.Range(0, 10).Select(tenth => Median(times[measured].Skip(tenth * rounds / 10).Take(rounds / 10)) / Median(times[baseline].Skip(tenth * rounds / 10).Take(rounds / 10))).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clients[measured].Name} / {clients[baseline].Name}: {medians[measured] / medians[baseline]:0.000} (tenths {tenths[0]:0.000} to {tenths[^1]:0.000}, {tenths.Count(t => t < 1)} of 10 below 1), {medians[measured] - medians[baseline]:+0.00;-0.00} µs"));
        }
    }

    private static async Task ReportListAsync(RawClient raw, IMemoriesClient sdk, int listed, int pairs)
    {
        var ratios = new List<Block>();
        long rawPeak = 0, sdkPeak = 0;
        for (var pair = 0; pair < pairs + 1; pair++)
        {
            // Alternate which side goes first, as for the single calls.
            var rawFirst = pair % 2 == 0;
            (Block Block, long Peak) r = default, s = default;
            foreach (var side in rawFirst ? [true, false] : new[] { false, true })
            {
                if (side)
                {
                    r = await MeasureListAsync(() => raw.ListAllAsync(), listed);
                }
                else
                {
                    s = await MeasureListAsync(() => sdk.ListAllAsync(new MemoryListOptions { Limit = StubServer.PageSize }), listed);
                }
            }

            if (pair >= 1)
            {
                ratios.Add(new Block(r.Block.Seconds / s.Block.Seconds, s.Block.Bytes / r.Block.Bytes, s.Block.Cpu / r.Block.Cpu));
                (rawPeak, sdkPeak) = (Math.Max(rawPeak, r.Peak), Math.Max(sdkPeak, s.Peak));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ListAllAsync over {listed} memories in pages of {StubServer.PageSize}: memories per second SDK / raw {Median(ratios.Select(b => b.Seconds)):0.000}, " +
            $"bytes per memory {Median(ratios.Select(b => b.Bytes)):0.000}, CPU {Median(ratios.Select(b => b.Cpu)):0.000}; " +
            $"largest managed heap seen {sdkPeak / 1024 / 1024} MiB (SDK) and {rawPeak / 1024 / 1024} MiB (raw); {pairs} pairs"));

        // Apart from the timed pairs, which a full collection would slow: what stays alive while listing.
        var (rawLive, sdkLive) = (await LiveHeapAsync(() => raw.ListAllAsync(), listed), await LiveHeapAsync(() => sdk.ListAllAsync(new MemoryListOptions { Limit = StubServer.PageSize }), listed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ListAllAsync over {listed} memories: live heap after a full collection every 5,000 memories at most {sdkLive / 1024.0:0} KiB above the start (SDK) and {rawLive / 1024.0:0} KiB (raw)"));
    }

    /// <summary>The most the live heap grows over its size at the start while all of <paramref name="list"/> is read.</summary>
    private static async Task<long> LiveHeapAsync(Func<IAsyncEnumerable<Memory>> list, int listed)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var (count, most) = (0, 0L);
        await foreach (var memory in list())
        {
            if (++count % 5_000 == 0)
            {
                most = Math.Max(most, GC.GetTotalMemory(forceFullCollection: true) - start);
            }
        }

        return count == listed ? most : throw new InvalidOperationException($"listed {count} of {listed}");
    }

    private static async Task<(Block Block, long Peak)> MeasureListAsync(Func<IAsyncEnumerable<Memory>> list, int listed)
    {
        GC.Collect();
        var (bytes, cpu) = (GC.GetTotalAllocatedBytes(precise: true), Environment.CpuUsage.TotalTime);
        var watch = Stopwatch.StartNew();
        var (count, peak) = (0, 0L);
        await foreach (var memory in list())
        {
            if (++count % 5_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        if (count != listed)
        {
            throw new InvalidOperationException($"listed {count} of {listed}");
        }

        return (new Block(watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - bytes, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds), peak);
    }

    private static async Task<Block> MeasureAsync(Func<Task> call, int inFlight, int calls)
    {
        var (bytes, cpu) = (GC.GetTotalAllocatedBytes(precise: true), Environment.CpuUsage.TotalTime);
        var watch = Stopwatch.StartNew();
        await Probe.RunInFlightAsync(call, calls, inFlight);
        return new Block(watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - bytes, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    private static double Quantile(IEnumerable<double> values, double q) => Stats.Quantile([.. values.Order()], q);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct Block(double Seconds, double Bytes, double Cpu)
    {
        public static Block operator +(Block a, Block b) => new(a.Seconds + b.Seconds, a.Bytes + b.Bytes, a.Cpu + b.Cpu);
    }

    /// <summary>The server in its own process, and the clients that call it: raw, the SDK, the generated peers, bare Refit.</summary>
    private sealed class Subjects : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        private Subjects(Process server, Uri baseAddress)
        {
            (Server, BaseAddress) = (server, baseAddress);
            Raw = new RawClient(baseAddress);
            Peers = new PeerClients(baseAddress);
            Bare = new BareRefit(baseAddress);
            var services = new ServiceCollection();
            services.AddMieltoClient(o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = Canned.ApiKey;
            });
            _provider = services.BuildServiceProvider();
            Sdk = _provider.GetRequiredService<IMemoriesClient>();
        }

        public Process Server { get; }

        public Uri BaseAddress { get; }

        public RawClient Raw { get; }

        public PeerClients Peers { get; }

        public BareRefit Bare { get; }

        public IMemoriesClient Sdk { get; }

        /// <summary>Starts <c>serve</c> with <paramref name="listed"/> memories to list, and the clients.</summary>
        public static async Task<Subjects> StartAsync(int listed)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(Remote).Assembly.Location);
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add(listed.ToString(CultureInfo.InvariantCulture));
            var server = Process.Start(start)!;
            var address = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server printed no address");
            return new Subjects(server, new Uri(address));
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            Raw.Dispose();
            Peers.Dispose();
            Bare.Dispose();

            // The server exits when its standard input closes.
            Server.StandardInput.Close();
            await Server.WaitForExitAsync();
            Server.Dispose();
        }
    }

    /// <summary>
    /// The SDK's Refit interface alone, as a Refit user would set it up: its generated client over an
    /// <see cref="HttpClient"/> with a socket handler, the body read as the raw call reads it. What it costs over raw
    /// is Refit's share of the SDK's cost.
    /// </summary>
    private sealed class BareRefit : IDisposable
    {
        private static readonly string Authorization = "Bearer " + Canned.ApiKey;
        private readonly HttpClient _http;
        private readonly IMemoriesApi _api;

        public BareRefit(Uri baseAddress)
        {
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
            _api = Refit.RestService.ForGenerated<IMemoriesApi>(_http, Refit.RefitSettings.ForJsonContext(MieltoJsonContext.Default));
        }

        public async Task DeleteAsync(string memoryId)
        {
            using var response = await _api.DeleteMemoryAsync(memoryId, "user_bench", null, Authorization, null, CancellationToken.None);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryDeleteResponse);
        }

        public void Dispose() => _http.Dispose();
    }

    /// <summary>The least a caller can write: one HttpClient, the URL built per call, ResponseHeadersRead, source-generated JSON.</summary>
    private sealed class RawClient(Uri baseAddress) : IDisposable
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        private readonly AuthenticationHeaderValue _authorization = new("Bearer", Canned.ApiKey);

        /// <summary>Written out in one method, as the leanest caller would: the helper below costs an async layer.</summary>
        public async Task DeleteAsync(string memoryId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/memories/" + Uri.EscapeDataString(memoryId) + "?user_id=" + Uri.EscapeDataString("user_bench"));
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryDeleteResponse);
        }

        public async Task CreateAsync(MemoryCreateRequest create)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/memories") { Content = JsonContent.Create(create, MieltoJsonContext.Default.MemoryCreateRequest) };
            await SendAsync(request, MieltoJsonContext.Default.MemoryCreateResponse);
        }

        public async Task SearchAsync(MemorySearchRequest search)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/memories/search") { Content = JsonContent.Create(search, MieltoJsonContext.Default.MemorySearchRequest) };
            await SendAsync(request, MieltoJsonContext.Default.MemorySearchResponse);
        }

        public async IAsyncEnumerable<Memory> ListAllAsync()
        {
            string? cursor = null;
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/memories?limit=100" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
                var page = await SendAsync(request, MieltoJsonContext.Default.MemoryListWire);
                foreach (var memory in page.Memories!)
                {
                    yield return memory;
                }

                cursor = page.HasMore ? page.NextCursor : null;
            }
            while (cursor is not null);
        }

        public void Dispose() => _http.Dispose();

        private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        {
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            return (await JsonSerializer.DeserializeAsync(stream, type))!;
        }
    }
}
