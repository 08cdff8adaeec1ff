using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;
using Mielto.Client.Operations;
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

    // The SDK measured 784 bytes over hand-written in Release and 1,560 in Debug, where every async state machine
    // is boxed (docs/performance.md); the budget leaves some room and catches a regression of a few hundred bytes.
#if DEBUG
    private const int Budget = 1000 + 800;
#else
    private const int Budget = 1000;
#endif

    // For create, search and a list page: what the SDK measured (1,648, 1,368 and 848 bytes over hand-written in
    // Release; 2,440, 2,160 and 1,640 in Debug), with some room. Over a socket, create measured 1.22 times raw and
    // search and a page 1.01 (docs/performance.md).
#if DEBUG
    private const int BodyBudget = 3300;
#else
    private const int BodyBudget = 2500;
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

    [Theory]
    [InlineData("create")]
    [InlineData("search")]
    [InlineData("list")]
    public async Task Create_search_and_a_list_page_allocate_at_most_their_budget_more_than_a_hand_written_call(string operation)
    {
        var memory = """{"memory_id":"mem_0123456789","user_id":"user_1","memory":"The user prefers green tea in the morning.","topics":["drinks"],"created_at":"2026-01-02T03:04:05.123456","metadata":{"n":1}}""";
        var body = Encoding.UTF8.GetBytes(operation switch
        {
            "create" => $$"""{"memory_id":"mem_0123456789","message":"Memory created successfully","memory":{{memory}}}""",
            "search" => $$"""{"memories":[{{string.Join(",", Enumerable.Repeat(memory, 100))}}],"total_results":100,"query":"tea","retrieval_method":"agentic"}""",
            _ => $$"""{"memories":[{{string.Join(",", Enumerable.Repeat(memory, 100))}}],"total_count":100,"next_cursor":null,"has_more":false}""",
        });
        var services = new ServiceCollection();
        services.AddMieltoClient(o =>
        {
            o.BaseAddress = new Uri("https://api.mielto.com/");
            o.ApiKey = "mk_budget";
        }).ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(body));
        await using var provider = services.BuildServiceProvider();
        var memories = provider.GetRequiredService<IMemoriesClient>();
        using var raw = new HttpClient(new CannedHandler(body)) { BaseAddress = new Uri("https://api.mielto.com/") };
        var authorization = new AuthenticationHeaderValue("Bearer", "mk_budget");
        var create = new MemoryCreateRequest { UserId = "user_1", Content = "The user prefers green tea in the morning." };
        var search = new MemorySearchRequest { Query = "tea", UserId = "user_1", Limit = 100 };

        async Task<object> HandWritten()
        {
            using var request = operation switch
            {
                "create" => new HttpRequestMessage(HttpMethod.Post, "api/v1/memories") { Content = JsonContent.Create(create, MieltoJsonContext.Default.MemoryCreateRequest) },
                "search" => new HttpRequestMessage(HttpMethod.Post, "api/v1/memories/search") { Content = JsonContent.Create(search, MieltoJsonContext.Default.MemorySearchRequest) },
                _ => new HttpRequestMessage(HttpMethod.Get, "api/v1/memories?user_id=" + Uri.EscapeDataString("user_1") + "&limit=100"),
            };
            request.Headers.Authorization = authorization;
            using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var stream = await response.Content.ReadAsStreamAsync();
            return operation switch
            {
                "create" => (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryCreateResponse))!,
                "search" => (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemorySearchResponse))!,
                _ => (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryListWire))!,
            };
        }

        async Task<object> Sdk() => operation switch
        {
            "create" => await memories.CreateAsync(create),
            "search" => await memories.SearchAsync(search),
            _ => await memories.ListAsync(new MemoryListOptions { UserId = "user_1", Limit = 100 }),
        };

        var sdk = await BytesPerCall(Sdk, calls: 300);
        var baseline = await BytesPerCall(HandWritten, calls: 300);

        output.WriteLine($"bytes per {operation}: SDK {sdk}, hand-written {baseline}, difference {sdk - baseline}");
        Assert.True(sdk - baseline <= BodyBudget, $"the SDK allocates {sdk - baseline} bytes more per {operation} than a hand-written call (budget {BodyBudget})");
    }

    /// <summary>Bytes allocated per call on this thread; the in-memory handler completes every call synchronously.</summary>
    private static async Task<long> BytesPerCall<T>(Func<Task<T>> call, int calls = Calls)
    {
        for (var i = 0; i < Math.Min(200, calls); i++)
        {
            await call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            var task = call();
            Assert.True(task.IsCompleted, "the in-memory call must complete synchronously to be measured on this thread");
            await task;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }

    private sealed class CannedHandler(byte[]? body = null) : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue JsonType = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body ?? Body);
            content.Headers.ContentType = JsonType;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
