using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The streamed chat figures, with the server in a process of its own (<c>serve-chat</c>), each against a raw
/// <see cref="HttpClient"/> reading the same server-sent events line by line (<see cref="StreamReader.ReadLineAsync()"/>,
/// each <c>data:</c> line deserialized into the same chunk type): the time to the first update of a short stream, call by
/// call; a stream of 5,000 events, in alternating blocks (<see cref="Remote.ReportAsync"/>); and the managed heap while
/// the SDK reads a 50 MB stream. The model the request names picks the stream: <c>short</c>, <c>events</c>, <c>large</c>.
/// </summary>
internal static class ChatStreams
{
    private const int ShortEvents = 10;
    private const int ManyEvents = 5_000;
    private const long LargeBytes = 50L * 1000 * 1000;
    private const int EventsPerWrite = 64;

    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(
        """data: {"id":"chatcmpl-9x3kQbench0000000000000000","object":"chat.completion.chunk","created":1764760000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_bench","choices":[{"index":0,"delta":{"content":" tea"},"logprobs":null,"finish_reason":null}]}""" + "\n\n");

    private static readonly byte[] Last = Encoding.UTF8.GetBytes(
        """data: {"id":"chatcmpl-9x3kQbench0000000000000000","object":"chat.completion.chunk","created":1764760000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_bench","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""" + "\n\ndata: [DONE]\n\n");

    public static async Task<int> RunAsync(int pairs, int warmUpSeconds)
    {
        using var server = Child.Start(talk: true, "serve-chat");
        try
        {
            var address = new Uri(await Child.ReadAsync(server));
            var services = new ServiceCollection();
            services.AddMieltoClient(o =>
            {
                o.BaseAddress = address;
                o.ApiKey = Canned.ApiKey;
            });
            await using var container = services.BuildServiceProvider();
            var mielto = container.GetRequiredService<MieltoClient>();
            using var raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
            raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Canned.ApiKey);
            Console.WriteLine($"server: process {server.Id} at {address}; {Environment.ProcessorCount} cores, .NET {Environment.Version}; warm-up {warmUpSeconds} s per figure");

            await FirstUpdateAsync(raw, mielto.GetChatClient("short"), pairs * 200, warmUpSeconds);

            var events = mielto.GetChatClient("events");
            await HeapWatch.WarmUpAsync(() => RawStreamAsync(raw, "events", ManyEvents + 1), () => SdkStreamAsync(events, ManyEvents + 1), warmUpSeconds);
            await Remote.ReportAsync($"a stream of {ManyEvents:N0} events (per event: bytes = figure's bytes / {ManyEvents + 1})", () => RawStreamAsync(raw, "events", ManyEvents + 1), () => SdkStreamAsync(events, ManyEvents + 1), 1, 4, pairs);

            await HeapAsync(mielto.GetChatClient("large"), raw);
            return 0;
        }
        finally
        {
            await Child.StopAsync(server);
        }
    }

    /// <summary>The server: answers each chat with the stream its model names, written in blocks of 64 events.</summary>
    public static async Task<int> ServeAsync()
    {
        var block = Enumerable.Repeat(Chunk, EventsPerWrite).SelectMany(b => b).ToArray();
        await using var server = await MinimalServer.StartAsync(async context =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var events = request.RootElement.GetProperty("model").GetString() switch
            {
                "short" => ShortEvents,
                "events" => ManyEvents,
                _ => (int)(LargeBytes / Chunk.Length),
            };
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();

            // The first event alone, at once, as a model's first token; then the rest in blocks.
            await context.Response.Body.WriteAsync(Chunk);
            await context.Response.Body.FlushAsync();
            var left = events - 1;
            for (; left >= EventsPerWrite; left -= EventsPerWrite)
            {
                await context.Response.Body.WriteAsync(block);
            }

            await context.Response.Body.WriteAsync(block.AsMemory(0, left * Chunk.Length));
            await context.Response.Body.WriteAsync(Last);
        });
        Console.WriteLine(server.BaseAddress);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>
    /// The time from the call to its first update (for raw: its first chunk parsed), the two clients alternating call by
    /// call, each stream then read to its end untimed; the median of the per-round ratios.
    /// </summary>
    private static async Task FirstUpdateAsync(HttpClient raw, IChatClient sdk, int rounds, int warmUpSeconds)
    {
        await HeapWatch.WarmUpAsync(() => RawStreamAsync(raw, "short", ShortEvents + 1), () => SdkStreamAsync(sdk, ShortEvents + 1), warmUpSeconds);
        var ratios = new double[rounds];
        var (rawTotal, sdkTotal) = (0.0, 0.0);
        for (var round = 0; round < rounds; round++)
        {
            double r, s;
            if (round % 2 == 0)
            {
                r = await RawFirstAsync(raw);
                s = await SdkFirstAsync(sdk);
            }
            else
            {
                s = await SdkFirstAsync(sdk);
                r = await RawFirstAsync(raw);
            }

            ratios[round] = s / r;
            (rawTotal, sdkTotal) = (rawTotal + r, sdkTotal + s);
        }

        Array.Sort(ratios);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time to first update: ratio {Stats.Quantile(ratios, 0.5):0.000} (quartiles {Stats.Quantile(ratios, 0.25):0.000} to {Stats.Quantile(ratios, 0.75):0.000}); mean {sdkTotal / rounds:0.0} µs vs {rawTotal / rounds:0.0} µs; {rounds} rounds; target <= 1.10"));
    }

    private static async Task<double> SdkFirstAsync(IChatClient sdk)
    {
        var start = Stopwatch.GetTimestamp();
        await using var updates = sdk.GetStreamingResponseAsync("Hi").GetAsyncEnumerator();
        await updates.MoveNextAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        Require(string.Equals(updates.Current.Text, " tea", StringComparison.Ordinal), "SDK first update");
        while (await updates.MoveNextAsync())
        {
        }

        return elapsed;
    }

    private static async Task<double> RawFirstAsync(HttpClient raw)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await SendAsync(raw, "short");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextChunkAsync(reader);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        Require(string.Equals(first?.Choices?[0].Delta?.Content, " tea", StringComparison.Ordinal), "raw first update");
        while (await NextChunkAsync(reader) is not null)
        {
        }

        return elapsed;
    }

    private static async Task SdkStreamAsync(IChatClient sdk, int expected)
    {
        var count = 0;
        await foreach (var update in sdk.GetStreamingResponseAsync("Hi"))
        {
            count++;
        }

        Require(count == expected, $"SDK stream: {count} of {expected}");
    }

    /// <summary>The raw client: the response read line by line, each <c>data:</c> line's chunk deserialized, until <c>[DONE]</c>.</summary>
    private static async Task RawStreamAsync(HttpClient raw, string model, int expected)
    {
        using var response = await SendAsync(raw, model);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var count = 0;
        while (await NextChunkAsync(reader) is not null)
        {
            count++;
        }

        Require(count == expected, $"raw stream: {count} of {expected}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient raw, string model)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/chat/completions")
        {
            Content = new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"Hi"}],"stream":true}""", Encoding.UTF8, "application/json"),
        };
        var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static async Task<ChatWire.Completion?> NextChunkAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            return line.AsSpan(6) is "[DONE]" ? null : JsonSerializer.Deserialize(line.AsSpan(6), MieltoJsonContext.Wire.Completion);
        }

        return null;
    }

    /// <summary>
    /// The managed heap while the SDK reads the 50 MB stream, from a full collection before: what survives each collection
    /// during the stream (the heap's size after the latest, sampled every 5 ms), which would grow if the SDK kept the
    /// stream; the heap with its garbage not yet collected (bounded by the collector's first-generation budget); and what
    /// is left after a full collection at the end. Then the same stream read by raw, for the time.
    /// </summary>
    private static async Task HeapAsync(IChatClient sdk, HttpClient raw)
    {
        var events = (int)(LargeBytes / Chunk.Length) + 1;
        for (var round = 0; round < 3; round++)
        {
            var heap = await HeapWatch.MeasureAsync(() => SdkStreamAsync(sdk, events));
            var rawWatch = Stopwatch.StartNew();
            await RawStreamAsync(raw, "large", events);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"a {LargeBytes / 1e6:0} MB stream ({events:N0} events), SDK: live heap after each of its {heap.Collections} collections at most {heap.PeakLive / 1024.0 / 1024:0.00} MiB above the start; with uncollected garbage at most {heap.PeakWithGarbage / 1024.0 / 1024:0.00} MiB; {heap.After / 1024.0 / 1024:0.00} MiB after; {heap.Allocated / (double)events:0} B allocated per event; {heap.Elapsed.TotalSeconds:0.00} s vs raw {rawWatch.Elapsed.TotalSeconds:0.00} s; target <= 4 MB"));
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
