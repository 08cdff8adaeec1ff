using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;
using Xunit.Abstractions;

namespace Mielto.Client.Tests;

/// <summary>
/// A cheap guard that the hot path does not regress badly: bytes allocated per delete over an in-memory
/// handler, measured on this thread, against a hand-written call in the same run. The real figures come from
/// the BenchmarkDotNet suite (docs/performance.md). In the collection of the telemetry tests, whose
/// listeners would otherwise make the SDK emit spans and metrics during the measurement.
/// </summary>
[Collection(Infrastructure.ClientCollection.Name)]
public sealed class AllocationBudgetTests(ITestOutputHelper output)
{
    private const int Calls = 2000;

    // The target of docs/performance.md for an optimised build; a Debug build boxes every async state machine,
    // which costs a few hundred bytes more on the same path.
#if DEBUG
    private const int Budget = 1229 + 640;
#else
    private const int Budget = 1229;
#endif
    private static readonly byte[] Body = """{"memory_id":"mem_0123456789","message":"Memory deleted successfully"}"""u8.ToArray();

    [Fact]
    public async Task A_delete_allocates_at_most_its_budget_more_than_a_hand_written_call()
    {
        var services = new ServiceCollection();
        services.AddMieltoClient(o =>
        {
            o.BaseAddress = new Uri("https://api.mielto.com/");
            o.ApiKey = "mk_budget";
        }).ConfigurePrimaryHttpMessageHandler(() => new CannedHandler());
        await using var provider = services.BuildServiceProvider();
        var memories = provider.GetRequiredService<IMemoriesClient>();
        using var raw = new HttpClient(new CannedHandler()) { BaseAddress = new Uri("https://api.mielto.com/") };
        var authorization = new AuthenticationHeaderValue("Bearer", "mk_budget");

        var sdk = await BytesPerCall(() => memories.DeleteAsync("mem_0123456789"));
        var baseline = await BytesPerCall(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/memories/" + Uri.EscapeDataString("mem_0123456789"));
            request.Headers.Authorization = authorization;
            using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync();
            return (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryDeleteResponse))!;
        });

        output.WriteLine($"bytes per delete: SDK {sdk}, hand-written {baseline}, difference {sdk - baseline}");
        Assert.True(sdk - baseline <= Budget, $"the SDK allocates {sdk - baseline} bytes more per call than a hand-written one (budget {Budget})");
    }

    /// <summary>Bytes allocated per call on this thread; the in-memory handler completes every call synchronously.</summary>
    private static async Task<long> BytesPerCall(Func<Task<MemoryDeleteResponse>> call)
    {
        for (var i = 0; i < 200; i++)
        {
            await call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            var task = call();
            Assert.True(task.IsCompleted, "the in-memory call must complete synchronously to be measured on this thread");
            await task;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue JsonType = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = JsonType;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
