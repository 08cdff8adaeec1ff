using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests.Ingestion;

/// <summary>Uploads at the wire: the JSON the official SDKs send, files streamed in base64, each answer shape, retries that never resend what cannot be.</summary>
[Collection(PagingCollection.Name)]
public sealed class UploadWireTests(WireServer wire) : WireTest(wire), IDisposable
{
    private const string Uploaded = """{"status":"success","contents":[{"id":"con_1","name":"a","content_type":"file"}],"total_uploads":1,"successful_uploads":1,"failed_uploads":0}""";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];

    private readonly string _folder = Directory.CreateTempSubdirectory("mielto-upload-").FullName;

    private ICollectionsClient Collections() => Services().GetRequiredService<ICollectionsClient>();

    [Fact]
    public async Task Text_goes_as_the_SDKs_send_it_with_only_what_is_set()
    {
        Respond(200, Uploaded);

        await Collections().UploadTextAsync("col_1", "Green tea: 80 °C.", new UploadOptions
        {
            Label = "tea notes",
            Metadata = new Dictionary<string, JsonElement> { ["source"] = JsonSerializer.SerializeToElement("wiki") },
            Reader = ContentReader.MarkItDown,
        });

        var request = Assert.Single(Wire.Requests);
        Assert.Equal(("POST", "/api/v1/upload"), (request.RequestMessage!.Method, request.RawTarget()));
        Assert.Equal("""{"collection_id":"col_1","content_type":"text","content":"Green tea: 80 °C.","label":"tea notes","metadata":{"source":"wiki"},"ingest":true,"reader":"markitdown"}""", request.RequestMessage.Body);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(request.RequestMessage.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
    }

    [Fact]
    public async Task Urls_go_with_a_reader_configuration_and_crawl_only_when_set()
    {
        Respond(200, Uploaded);

        await Collections().UploadUrlsAsync("col_1", [new Uri("https://example.com/a b")], new UploadOptions
        {
            Ingest = false,
            Crawl = true,
            Reader = new ReaderConfiguration { Provider = "langchain", Reader = "pdfplumber", Chunk = new ReaderChunking { ChunkSize = 500 } },
        });
        await Collections().UploadUrlsAsync("col_1", [new Uri("https://example.com/")]);

        Assert.Equal(
            """{"collection_id":"col_1","content_type":"url","urls":["https://example.com/a%20b"],"ingest":false,"reader":{"provider":"langchain","reader":"pdfplumber","chunk":{"chunk_size":500}},"crawl":true}""",
            Wire.Requests[0].RequestMessage!.Body);
        Assert.Equal("""{"collection_id":"col_1","content_type":"url","urls":["https://example.com/"],"ingest":true}""", Wire.Requests[1].RequestMessage!.Body);
    }

    [Fact]
    public async Task Files_from_paths_bytes_and_streams_arrive_whole_each_with_its_label_and_detected_type()
    {
        Respond(200, Uploaded);
        var report = Write("report.bin", Pdf);
        var notes = Write("notes.md", "# Tea\n\nGreen tea."u8.ToArray());
        using var seekable = new MemoryStream([.. "skip"u8, .. Pdf]) { Position = 4 };
        using var oneWay = new OneWayStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        await Collections().UploadFilesAsync("col_1", [
            UploadFile.FromPath(report),
            UploadFile.FromPath(notes, label: "docs/notes.md"),
            UploadFile.FromBytes(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2 }, "deck.pptx"),
            UploadFile.FromStream(seekable, "copy.pdf"),
            UploadFile.FromStream(oneWay, "table.csv"),
            UploadFile.FromBytes(new byte[] { 1, 2, 3 }, "blob", "application/x-custom"),
        ]);

        using var body = JsonDocument.Parse(Assert.Single(Wire.Requests).RequestMessage!.Body!);
        Assert.Equal("file", body.RootElement.GetProperty("content_type").GetString());
        var files = body.RootElement.GetProperty("files").EnumerateArray().Select(f => (Label: f.GetProperty("label").GetString(), Type: f.GetProperty("mimetype").GetString(), Bytes: f.GetProperty("file").GetBytesFromBase64())).ToList();
        Assert.Equal(
            [
                ("report.bin", "application/pdf"), ("docs/notes.md", "text/markdown"), ("deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                ("copy.pdf", "application/pdf"), ("table.csv", "text/csv"), ("blob", "application/x-custom"),
            ],
            files.Select(f => (f.Label, f.Type)));
        Assert.Equal(Pdf, files[0].Bytes);
        Assert.Equal(Pdf, files[3].Bytes);
        Assert.Equal("a,b\n1,2\n"u8.ToArray(), files[4].Bytes);
        Assert.Null(Wire.Requests[0].Header("Content-Length"));
    }

    [Fact]
    public async Task A_body_of_known_length_declares_it_exactly()
    {
        Respond(200, Uploaded);
        var path = Write("label \"quoted\" é.pdf", Pdf);

        await Collections().UploadFilesAsync("col_1", [UploadFile.FromPath(path), UploadFile.FromBytes(Array.Empty<byte>(), "empty.txt")]);

        var request = Assert.Single(Wire.Requests);
        Assert.Equal(Encoding.UTF8.GetByteCount(request.RequestMessage!.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        using var body = JsonDocument.Parse(request.RequestMessage.Body!);
        Assert.Equal("label \"quoted\" é.pdf", body.RootElement.GetProperty("files")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_partial_failure_is_a_result_item_by_item()
    {
        Respond(200, """{"status":"partial_success","contents":[{"id":"con_1","name":"a.md","content_type":"file","status":"processing"},{"name":"b.pdf","content_type":"file","error":"Unsupported file"}],"total_uploads":2,"successful_uploads":1,"failed_uploads":1}""");

        var result = await Collections().UploadTextAsync("col_1", "x");

        Assert.Equal(UploadStatus.PartialSuccess, result.Status);
        Assert.Equal((2, 1, 1), (result.TotalUploads, result.SuccessfulUploads, result.FailedUploads));
        Assert.Equal(["con_1"], result.ContentIds);
        Assert.Equal(("b.pdf", "Unsupported file"), (Assert.Single(result.Failed).Name, result.Failed[0].Error));
    }

    [Fact]
    public async Task The_documented_shape_is_read_and_totals_it_omits_are_counted()
    {
        Respond(200, """{"collection_id":"col_1","content_type":"file","uploads":[{"id":"con_1","name":"a.md"}],"errors":[{"name":"b.pdf","error":"Too large"},{"name":"c.pdf","error":{"code":7}}]}""");

        var result = await Collections().UploadTextAsync("col_1", "x");

        Assert.Equal(UploadStatus.PartialSuccess, result.Status);
        Assert.Equal((3, 1, 2), (result.TotalUploads, result.SuccessfulUploads, result.FailedUploads));
        Assert.Equal(["Too large", """{"code":7}"""], result.Failed.Select(f => f.Error));
        Assert.Equal("col_1", result.CollectionId);
    }

    [Fact]
    public async Task After_a_429_a_file_that_can_be_read_again_is_sent_again_whole()
    {
        RespondInSequence(() => Json(429, """{"detail":"slow down"}"""), () => Json(200, Uploaded));
        var path = Write("report.pdf", Pdf);

        await Collections().UploadFilesAsync("col_1", [UploadFile.FromPath(path)]);

        Assert.Equal(2, Wire.Requests.Count);
        Assert.Equal(Wire.Requests[0].RequestMessage!.Body, Wire.Requests[1].RequestMessage!.Body);
        using var body = JsonDocument.Parse(Wire.Requests[1].RequestMessage!.Body!);
        Assert.Equal(Pdf, body.RootElement.GetProperty("files")[0].GetProperty("file").GetBytesFromBase64());
    }

    [Fact]
    public async Task After_a_429_a_stream_that_cannot_seek_is_not_sent_again_and_the_error_says_why()
    {
        Respond(429, """{"detail":"slow down"}""");
        using var oneWay = new OneWayStream(Pdf);

        var error = await Assert.ThrowsAsync<MieltoRateLimitException>(() => Collections().UploadFilesAsync("col_1", [UploadFile.FromStream(oneWay, "report.pdf")]));

        Assert.Single(Wire.Requests);
        Assert.Contains("It was not sent again: 'report.pdf' is a stream that cannot seek", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_fails_as_it_is_read_is_an_IOException_that_names_it_not_a_network_error()
    {
        Respond(200, Uploaded);
        using var failing = new OneWayStream(Pdf, failAfter: 60_000);

        var error = await Assert.ThrowsAsync<IOException>(() => Collections().UploadFilesAsync("col_1", [UploadFile.FromStream(failing, "report.pdf")]));

        Assert.Contains("Reading 'report.pdf' for the upload failed: disk gone", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wire.Requests, r => r.ResponseMessage?.StatusCode is 200);
    }

    [Fact]
    public async Task Chunk_creation_sends_the_content_and_only_what_is_set()
    {
        Respond(200, """{"status":"success","message":"ok","content_ids_processed":["con 1"],"total_chunks_created":4}""");

        var result = await Collections().CreateChunksAsync("con 1", new ChunkCreationOptions { ForceRechunk = true });

        Assert.Equal("""{"content_id":"con 1","force_rechunk":true}""", Assert.Single(Wire.Requests).RequestMessage!.Body);
        Assert.Equal((4, "con 1"), (result.TotalChunksCreated, Assert.Single(result.ContentIdsProcessed)));
    }

    [Fact]
    public async Task Input_that_cannot_be_sent_is_refused_before_anything_is_read_or_sent()
    {
        var collections = Collections();

        await Assert.ThrowsAsync<FileNotFoundException>(() => collections.UploadFilesAsync("col_1", [UploadFile.FromPath(Path.Combine(_folder, "missing.pdf"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadFilesAsync("col_1", []));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadFilesAsync("", [UploadFile.FromBytes(new byte[1], "a")]));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadTextAsync("col_1", "  "));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadTextAsync("col_1", "bad \ud800 text"));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadUrlsAsync("col_1", [new Uri("ftp://example.com/a")]));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UploadUrlsAsync("col_1", []));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.CreateChunksAsync(".."));
        Assert.Throws<ArgumentException>(() => UploadFile.FromBytes(new byte[1], " "));
        Assert.Throws<ArgumentException>(() => UploadFile.FromBytes(new byte[1], "a", "not a type"));

        Assert.Empty(Wire.Requests);
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        Dispose();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
