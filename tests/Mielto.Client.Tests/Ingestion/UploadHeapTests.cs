using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Ingestion;

/// <summary>
/// A 100 MB file uploaded to a server that reads and discards the body: the bytes the whole process allocates during the
/// call (client and server) stay under 8 MB, where holding the file and its base64 would take about 233 MB.
/// </summary>
[Collection(Infrastructure.HeapMeasuringCollection.Name)]
public sealed class UploadHeapTests(ITestOutputHelper output)
{
    private const long FileBytes = 100L * 1000 * 1000;

    [Fact]
    public async Task A_100_MB_file_is_uploaded_without_being_held_in_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mielto-heap-{Guid.NewGuid():N}.bin");
        await using var app = await SinkAsync();
        try
        {
            await using (var file = File.Create(path))
            {
                file.SetLength(FileBytes);
            }

            using var client = new MieltoClient(new MieltoClientOptions { ApiKey = "mk_test_heap", BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) });
            await client.Collections.UploadTextAsync("col_1", "warm-up");

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var result = await client.Collections.UploadFilesAsync("col_1", [UploadFile.FromPath(path, mimeType: "application/octet-stream")]);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            var received = long.Parse(Assert.Single(result.Contents).Name!, System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"{FileBytes / 1_000_000} MB file, {received:N0} bytes of JSON received; {allocated / 1024.0 / 1024:0.00} MiB allocated in the process during the call");
            Assert.Equal((((FileBytes + 2) / 3) * 4) + 100, received, tolerance: 100);
            Assert.True(allocated < 8L * 1024 * 1024, $"{allocated} bytes allocated during the upload");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A server on loopback that reads each body into a pooled buffer and discards it, and answers with how many bytes it read.</summary>
    private static async Task<WebApplication> SinkAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0").ConfigureKestrel(o => o.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            ArrayPool<byte>.Shared.Return(buffer);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"status":"success","contents":[{"id":"con_1","name":"{{total}}","content_type":"file"}]}""");
        });
        await app.StartAsync();
        return app;
    }
}
