using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The knowledge figures, with the server in a process of its own (<c>serve-knowledge</c>): a 100 MB file uploaded by
/// the SDK (streamed) and by a raw <see cref="HttpClient"/> posting the same body encoded beforehand; a folder of 2,000
/// small files by <see cref="ICollectionsClient.UploadDirectoryAsync"/> and by a raw loop of the same batches and
/// concurrency; a collection search; and <c>ListAllAsync</c> over 10,000 collections. Each side is warmed up for
/// <c>warm-up</c> seconds, then measured in alternating blocks (<see cref="Remote.ReportAsync"/>).
/// </summary>
internal static class Knowledge
{
    private const int Collections = 10_000;
    private const int PageSize = 100;
    private const int SmallFiles = 2_000;
    private const int BatchFiles = 10;
    private const int InFlight = 4;
    private const long LargeFile = 100L * 1000 * 1000;

    private static readonly byte[] Found = Encoding.UTF8.GetBytes(
        $$"""{"results":[{{string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{"content":"Passage {{i}}: green tea is brewed at 80 degrees for two minutes, black tea with boiling water.","score":0.{{90 - i}},"metadata":{"source":"guide-{{i}}.md"},"content_id":"con_{{i}}","chunk_id":"chunk_{{i}}"}"""))}}],"total_results":10,"query":"green tea","search_type":"hybrid","collection_id":"col_bench","execution_time_ms":12}""");

    public static async Task<int> RunAsync(int pairs, int warmUpSeconds)
    {
        using var server = Child.Start(talk: true, "serve-knowledge");
        var folder = Directory.CreateTempSubdirectory("mielto-bench-");
        try
        {
            var address = new Uri(await Child.ReadAsync(server));
            var services = new ServiceCollection();
            services.AddMieltoClient(o =>
            {
                o.BaseAddress = address;
                o.ApiKey = Canned.ApiKey;
                o.Timeout = TimeSpan.FromMinutes(2);
            });
            await using var container = services.BuildServiceProvider();
            var sdk = container.GetRequiredService<ICollectionsClient>();
            using var raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Canned.ApiKey);
            Console.WriteLine($"server: process {server.Id} at {address}; {Environment.ProcessorCount} cores, .NET {Environment.Version}; warm-up {warmUpSeconds} s per figure");

            await FigureAsync("collection search, 1 in flight", () => RawSearchAsync(raw), () => sdk.SearchAsync(new CollectionSearchRequest { Query = "green tea", CollectionId = "col_bench", K = 10 }), 1, 400, pairs, warmUpSeconds);
            await FigureAsync($"ListAllAsync over {Collections:N0} collections", () => RawListAllAsync(raw), () => SdkListAllAsync(sdk), 1, 2, pairs, warmUpSeconds);

            var small = Path.Combine(folder.FullName, "small");
            WriteSmallFiles(small);
            await FigureAsync(
                $"a folder of {SmallFiles:N0} files of 2 KiB, {BatchFiles} a request, {InFlight} in flight",
                () => RawIngestAsync(raw, small),
                () => SdkIngestAsync(sdk, small),
                1,
                2,
                pairs,
                warmUpSeconds);

            var large = Path.Combine(folder.FullName, "large.bin");
            await using (var file = File.Create(large))
            {
                file.SetLength(LargeFile);
            }

            var encoded = Encode(large);
            await FigureAsync("one 100 MB file", () => RawUploadAsync(raw, encoded), () => sdk.UploadFilesAsync("col_bench", [UploadFile.FromPath(large, mimeType: "application/octet-stream")]), 1, 2, pairs, warmUpSeconds);
            await HeapAsync(sdk, large);
            return 0;
        }
        finally
        {
            await Child.StopAsync(server);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The server: uploads read (a body over 1 MB drained, a smaller one parsed so that each file's label is echoed), search and the collection list answered from bodies made once.</summary>
    public static async Task<int> ServeAsync()
    {
        var pages = new byte[Collections / PageSize][];
        for (var p = 0; p < pages.Length; p++)
        {
            pages[p] = Encoding.UTF8.GetBytes($$"""{"data":[{{string.Join(",", Enumerable.Range(p * PageSize, PageSize).Select(i => $$"""{"id":"col_{{i:D6}}","name":"Collection {{i}}","description":"Documents of team {{i % 40}}","store_type":"pgvector","visibility":"private","status":"active","tags":["docs","team-{{i % 40}}"],"workspace_id":"wsp_bench","created_at":"2026-01-02T03:04:05.123456","updated_at":"2026-01-02T03:04:05.123456"}"""))}}],"total_count":{{Collections}}}""");
        }

        await using var server = await MinimalServer.StartAsync(async request => (request.Method, request.Path.Value) switch
        {
            ("POST", "/api/v1/upload") => await UploadAnswerAsync(request),
            ("POST", "/api/v1/collections/search") => Found,
            ("GET", "/api/v1/collections") => pages[Math.Min(pages.Length - 1, int.Parse(request.Query["skip"].ToString(), CultureInfo.InvariantCulture) / PageSize)],
            _ => """{"data":[],"total_count":0}"""u8.ToArray(),
        });
        Console.WriteLine(server.BaseAddress);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>Warms both sides up for <paramref name="seconds"/>, then takes the figure.</summary>
    private static async Task FigureAsync(string figure, Func<Task> raw, Func<Task> sdk, int inFlight, int calls, int pairs, int seconds)
    {
        await HeapWatch.WarmUpAsync(raw, sdk, seconds);
        await Remote.ReportAsync(figure, raw, sdk, inFlight, calls, pairs);
    }

    private static async Task<byte[]> UploadAnswerAsync(HttpRequest request)
    {
        if (request.ContentLength is > 1_000_000)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            while (await request.Body.ReadAsync(buffer) > 0)
            {
            }

            ArrayPool<byte>.Shared.Return(buffer);
            return """{"status":"success","contents":[{"id":"con_large","name":"large.bin","content_type":"file","status":"processing"}]}"""u8.ToArray();
        }

        using var json = await JsonDocument.ParseAsync(request.Body);
        var answer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(answer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteStartArray("contents");
            var i = 0;
            foreach (var file in json.RootElement.GetProperty("files").EnumerateArray())
            {
                writer.WriteStartObject();
                writer.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"con_{i++}"));
                writer.WriteString("name", file.GetProperty("label").GetString());
                writer.WriteString("content_type", "file");
                writer.WriteString("status", "processing");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return answer.WrittenSpan.ToArray();
    }

    private static async Task RawSearchAsync(HttpClient raw)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/collections/search")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new CollectionSearchRequest { Query = "green tea", CollectionId = "col_bench", K = 10 }, MieltoJsonContext.Default.CollectionSearchRequest),
        };
        await SendAsync(raw, request, MieltoJsonContext.Default.CollectionSearchResponse);
    }

    private static async Task RawListAllAsync(HttpClient raw)
    {
        var count = 0;
        for (var skip = 0; ; skip += PageSize)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"api/v1/collections?skip={skip}&limit={PageSize}"));
            var page = await SendAsync(raw, request, MieltoJsonContext.Default.CollectionListWire);
            count += page.Data!.Count;
            if (page.Data.Count < PageSize || skip + PageSize >= page.TotalCount)
            {
                break;
            }
        }

        Check(count, Collections, "raw list");
    }

    private static async Task SdkListAllAsync(ICollectionsClient sdk)
    {
        var count = 0;
        await foreach (var collection in sdk.ListAllAsync(new CollectionListOptions { Limit = PageSize }))
        {
            count++;
        }

        Check(count, Collections, "SDK list");
    }

    private static void WriteSmallFiles(string folder)
    {
        var text = string.Concat(Enumerable.Repeat("Green tea is brewed at 80 degrees for two minutes. ", 50))[..2048];
        for (var i = 0; i < SmallFiles; i++)
        {
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"team-{i % 20:D2}"), string.Create(CultureInfo.InvariantCulture, $"doc-{i:D4}.md"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static async Task SdkIngestAsync(ICollectionsClient sdk, string folder)
    {
        var result = await sdk.UploadDirectoryAsync("col_bench", folder, new DirectoryUploadOptions { MaxBatchFiles = BatchFiles, MaxConcurrency = InFlight, SkipExisting = false });
        Check(result.Uploaded.Count, SmallFiles, "SDK ingest");
    }

    /// <summary>
    /// The leanest loop that does the same: the files listed with their sizes and sorted, cut into the same batches (10
    /// files and 16 MiB of JSON at most, so each file is measured, as the SDK measures it), each batch's JSON built in
    /// memory and posted, 4 at once.
    /// </summary>
    private static async Task RawIngestAsync(HttpClient raw, string folder)
    {
        var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => (Path: f.FullName, Label: Path.GetRelativePath(folder, f.FullName).Replace('\\', '/'), f.Length))
            .OrderBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        var batches = new List<List<(string Path, string Label, long Length)>>();
        long bytes = 0;
        foreach (var file in files)
        {
            var encoded = ((file.Length + 2) / 3 * 4) + 256;
            if (batches.Count == 0 || batches[^1].Count == BatchFiles || bytes + encoded > DirectoryUploadOptions.DefaultMaxBatchBytes)
            {
                batches.Add([]);
                bytes = 0;
            }

            batches[^1].Add(file);
            bytes += encoded;
        }

        var uploaded = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (batch, ct) =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            await using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("collection_id", "col_bench");
                writer.WriteString("content_type", "file");
                writer.WriteBoolean("ingest", true);
                writer.WriteStartArray("files");
                foreach (var (path, label, _) in batch)
                {
                    writer.WriteStartObject();
                    writer.WriteString("label", label);
                    writer.WriteString("mimetype", "text/markdown");
                    writer.WriteBase64String("file", await File.ReadAllBytesAsync(path, ct));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/upload") { Content = new ReadOnlyMemoryContent(buffer.WrittenMemory) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var result = await SendAsync(raw, request, MieltoJsonContext.Default.UploadResultWire);
            Interlocked.Add(ref uploaded, result.Contents!.Count);
        });
        Check(uploaded, SmallFiles, "raw ingest");
    }

    /// <summary>The upload's JSON, encoded whole beforehand, as a raw caller holding the file would send it.</summary>
    private static byte[] Encode(string path)
    {
        var buffer = new ArrayBufferWriter<byte>((int)(LargeFile * 4 / 3) + 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("collection_id", "col_bench");
            writer.WriteString("content_type", "file");
            writer.WriteBoolean("ingest", true);
            writer.WriteStartArray("files");
            writer.WriteStartObject();
            writer.WriteString("label", "large.bin");
            writer.WriteString("mimetype", "application/octet-stream");
            writer.WriteBase64String("file", File.ReadAllBytes(path));
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task RawUploadAsync(HttpClient raw, byte[] encoded)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/upload") { Content = new ByteArrayContent(encoded) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var result = await SendAsync(raw, request, MieltoJsonContext.Default.UploadResultWire);
        Check(result.Contents!.Count, 1, "raw upload");
    }

    /// <summary>The live heap while the SDK uploads the 100 MB file: sampled every 5 ms, from a full collection before.</summary>
    private static async Task HeapAsync(ICollectionsClient sdk, string large)
    {
        for (var round = 0; round < 3; round++)
        {
            var heap = await HeapWatch.MeasureAsync(() => sdk.UploadFilesAsync("col_bench", [UploadFile.FromPath(large, mimeType: "application/octet-stream")]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one 100 MB file, SDK: managed heap at most {heap.PeakWithGarbage / 1024.0 / 1024:0.00} MiB above the start (sampled every 5 ms), {heap.Allocated / 1024.0 / 1024:0.00} MiB allocated during the call; target <= 8 MB"));
        }
    }

    private static async Task<T> SendAsync<T>(HttpClient raw, HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, type))!;
    }

    private static void Check(int count, int expected, string what)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"{what}: {count} of {expected}");
        }
    }
}
