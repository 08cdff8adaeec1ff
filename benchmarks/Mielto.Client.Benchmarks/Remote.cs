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
/// is measured in this process is the client's alone. Raw and SDK run in alternating blocks, each side twice per pair
/// around the other (ABBA, then BAAB); the figures are medians of the per-pair ratios, of wall time, allocated bytes
/// and this process's CPU time per call.
/// </summary>
internal static class Remote
{
    private const int WarmupPairs = 2;

    /// <summary>The clients of the call-by-call figure, in the order of its first round.</summary>
    private static readonly string[] CallByCall = ["raw", "nswag", "refit", "sdk"];

    /// <summary>The figures <c>remote</c> can take, each by name; all of them when none is named.</summary>
    public static readonly string[] Figures = ["delete", "versus", "calls", "create", "search", "list"];

    /// <summary>
    /// Starts the server, then takes each figure in a client process of its own (<c>measure</c>), which runs only the
    /// two clients it compares: what one client's calls leave behind (the JIT's profile of shared code, the thread
    /// pool's size, the heap) is not carried into another's figure.
    /// </summary>
    public static async Task<int> RunAsync(int pairs, int listed, IReadOnlySet<string> figures)
    {
        using var server = Child.Start(talk: true, "serve", listed.ToString(CultureInfo.InvariantCulture));
        try
        {
            var address = await Child.ReadAsync(server);
            Console.WriteLine($"server: process {server.Id} at {address}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            foreach (var measurement in Measurements(pairs, listed, figures))
            {
                using var client = Child.Start(talk: false, ["measure", address, .. measurement]);
                await client.WaitForExitAsync();
                if (client.ExitCode != 0)
                {
                    return client.ExitCode;
                }
            }

            return 0;
        }
        finally
        {
            await Child.StopAsync(server);
        }
    }

    /// <summary>
    /// One figure, in this process, against the server at the address first in <paramref name="args"/>: <c>calls
    /// rounds</c>, <c>list memories pairs</c>, or <c>operation baseline measured in-flight calls pairs</c>, where the
    /// clients are <c>raw</c>, <c>sdk</c>, <c>nswag</c>, <c>kiota</c> or <c>refit</c>.
    /// </summary>
    public static async Task<int> MeasureAsync(string[] args)
    {
        using var subjects = new Subjects(new Uri(args[0]));
        switch (args[1..])
        {
            case ["calls", var rounds]:
                await ReportCallsAsync(subjects, Number(rounds));
                break;
            case ["list", var listed, var pairs]:
                await ReportListAsync(subjects.Raw, subjects.Sdk, Number(listed), Number(pairs));
                break;
            case [var operation, var baseline, var measured, var inFlight, var calls, var pairs]:
                var label = $"{operation}, {inFlight} in flight, {Subjects.Name(measured)}" + (string.Equals(baseline, "raw", StringComparison.Ordinal) ? string.Empty : $" / {Subjects.Name(baseline)}");
                await ReportAsync(label, subjects.Call(operation, baseline), subjects.Call(operation, measured), Number(inFlight), Number(calls), Number(pairs));
                break;
            default:
                Console.Error.WriteLine($"measure cannot take {string.Join(' ', args)}");
                return 2;
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

        using var server = Child.Start(talk: true, "serve", "1000");
        try
        {
            using var subjects = new Subjects(new Uri(await Child.ReadAsync(server)));
            var call = subjects.Call("delete", who);
            Console.WriteLine($"client process {Environment.ProcessId}, server process {server.Id}");
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
        finally
        {
            await Child.StopAsync(server);
        }
    }

    /// <summary>
    /// The figures named, each as the arguments of <c>measure</c> after the address. A delete is taken at 1 and at 64
    /// in flight: each client over raw (<c>delete</c>), and the SDK and bare Refit side by side with NSwag
    /// (<c>versus</c>, NSwag in the place of raw: below 1 is ahead of NSwag).
    /// </summary>
    private static IEnumerable<string[]> Measurements(int pairs, int listed, IReadOnlySet<string> figures)
    {
        var p = pairs.ToString(CultureInfo.InvariantCulture);
        foreach (var (inFlight, calls) in new[] { ("1", "4000"), ("64", "8000") })
        {
            if (figures.Contains("delete"))
            {
                foreach (var client in new[] { "sdk", "nswag", "kiota", "refit" })
                {
                    yield return ["delete", "raw", client, inFlight, calls, p];
                }
            }

            if (figures.Contains("versus"))
            {
                yield return ["delete", "nswag", "sdk", inFlight, calls, p];
                yield return ["delete", "nswag", "refit", inFlight, calls, p];
            }
        }

        if (figures.Contains("calls"))
        {
            yield return ["calls", (pairs * 5_000).ToString(CultureInfo.InvariantCulture)];
        }

        if (figures.Contains("create"))
        {
            yield return ["create", "raw", "sdk", "1", "2000", p];
        }

        if (figures.Contains("search"))
        {
            yield return ["search", "raw", "sdk", "1", "500", p];
        }

        if (figures.Contains("list"))
        {
            yield return ["list", listed.ToString(CultureInfo.InvariantCulture), Math.Max(3, pairs / 4).ToString(CultureInfo.InvariantCulture)];
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes one figure: <paramref name="raw"/> (the baseline, a raw call or another client) and <paramref name="sdk"/>
    /// (the client measured) in alternating blocks; each ratio is the measured client's over the baseline's.
    /// </summary>
    internal static async Task ReportAsync(string figure, Func<Task> raw, Func<Task> sdk, int inFlight, int calls, int pairs)
    {
        var ratios = new List<Block>();
        Block rawTotal = default, sdkTotal = default;
        for (var pair = 0; pair < pairs + WarmupPairs; pair++)
        {
            // Each side twice, around the other (ABBA, then BAAB): a drift in the machine's speed over the pair falls
            // on both sides alike. Each block has half the pair's calls of its side.
            var rawOuter = pair % 2 == 0;
            var (outer, inner) = rawOuter ? (raw, sdk) : (sdk, raw);
            var first = await MeasureAsync(outer, inFlight, calls / 2);
            var middle = await MeasureAsync(inner, inFlight, calls / 2) + await MeasureAsync(inner, inFlight, calls / 2);
            var outerTotal = first + await MeasureAsync(outer, inFlight, calls / 2);
            var (r, s) = rawOuter ? (outerTotal, middle) : (middle, outerTotal);
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
    /// microsecond shows. The figures are medians of the per-round ratios: over all rounds, and over each tenth of them.
    /// </summary>
    private static async Task ReportCallsAsync(Subjects subjects, int rounds)
    {
        var clients = CallByCall.Select(who => (Name: Subjects.Name(who), Call: subjects.Call("delete", who))).ToArray();
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
            // The ratio of the two calls of each round, whose median is the figure: the rounds are the pairs.
            var ratios = times[measured].Zip(times[baseline], static (m, b) => m / b).ToArray();
            var tenths = ratios.Chunk(rounds / 10).Select(chunk => Median(chunk)).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clients[measured].Name} / {clients[baseline].Name}: {Median(ratios):0.000} (tenths {tenths[0]:0.000} to {tenths[^1]:0.000}, {tenths.Count(t => t < 1)} of 10 below 1); medians {medians[measured] - medians[baseline]:+0.00;-0.00} µs apart"));
        }
    }

    private static async Task ReportListAsync(RawClient raw, IMemoriesClient sdk, int listed, int pairs)
    {
        var ratios = new List<Block>();
        long rawPeak = 0, sdkPeak = 0;
        for (var pair = 0; pair < pairs + WarmupPairs; pair++)
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

            if (pair >= WarmupPairs)
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

    /// <summary>The clients that call the server: raw, the SDK, the generated peers, bare Refit.</summary>
    private sealed class Subjects : IDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly PeerClients _peers;
        private readonly BareRefit _bare;

        public Subjects(Uri baseAddress)
        {
            Raw = new RawClient(baseAddress);
            _peers = new PeerClients(baseAddress);
            _bare = new BareRefit(baseAddress);
            var services = new ServiceCollection();
            services.AddMieltoClient(o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = Canned.ApiKey;
            });
            _provider = services.BuildServiceProvider();
            Sdk = _provider.GetRequiredService<IMemoriesClient>();
        }

        public RawClient Raw { get; }

        public IMemoriesClient Sdk { get; }

        /// <summary>How a figure names the client <paramref name="who"/>.</summary>
        public static string Name(string who) => who switch
        {
            "raw" => "raw",
            "sdk" => "Mielto.Client",
            "nswag" => "NSwag",
            "kiota" => "Kiota",
            "refit" => "bare generated Refit",
            _ => throw new ArgumentException($"no client {who}", nameof(who)),
        };

        /// <summary>One call of <paramref name="operation"/> by the client <paramref name="who"/>; create and search by raw and the SDK only.</summary>
        public Func<Task> Call(string operation, string who) => (operation, who) switch
        {
            ("delete", "raw") => () => Raw.DeleteAsync(Canned.MemoryId),
            ("delete", "sdk") => () => Sdk.DeleteAsync(Canned.MemoryId, userId: "user_bench"),
            ("delete", "nswag") => () => _peers.NSwagDeleteAsync(Canned.MemoryId),
            ("delete", "kiota") => () => _peers.KiotaDeleteAsync(Canned.MemoryId),
            ("delete", "refit") => () => _bare.DeleteAsync(Canned.MemoryId),
            ("create", "raw") => () => Raw.CreateAsync(Create),
            ("create", "sdk") => () => Sdk.CreateAsync(Create),
            ("search", "raw") => () => Raw.SearchAsync(Search),
            ("search", "sdk") => () => Sdk.SearchAsync(Search),
            _ => throw new ArgumentException($"no {operation} by {who}", nameof(operation)),
        };

        public void Dispose()
        {
            _provider.Dispose();
            Raw.Dispose();
            _peers.Dispose();
            _bare.Dispose();
        }

        private static MemoryCreateRequest Create { get; } = new() { UserId = "user_bench", Content = "The user prefers green tea in the morning." };

        private static MemorySearchRequest Search { get; } = new() { Query = "tea", UserId = "user_bench", Limit = 100 };
    }

    /// <summary>
    /// The SDK's Refit interface alone, as a Refit user would set it up: its generated client over an
    /// <see cref="HttpClient"/> with a socket handler, the body read as the raw call reads it. What it costs over raw
    /// is Refit's share of the SDK's cost.
    /// </summary>
    private sealed class BareRefit : IDisposable
    {
        private readonly HttpClient _http;
        private readonly IMemoriesApi _api;

        public BareRefit(Uri baseAddress)
        {
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Canned.ApiKey);
            _api = Refit.RestService.ForGenerated<IMemoriesApi>(_http, Refit.RefitSettings.ForJsonContext(MieltoJsonContext.Default));
        }

        public async Task DeleteAsync(string memoryId)
        {
            using var response = await _api.DeleteMemoryAsync(memoryId, "user_bench", null, CancellationToken.None);
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
