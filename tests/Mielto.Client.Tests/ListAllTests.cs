using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace Mielto.Client.Tests;

/// <summary><c>ListAllAsync</c>: lazy, cursor-following, cancellable paging that cannot loop for ever.</summary>
[Collection(PagingCollection.Name)]
public sealed class ListAllTests(WireServer wire) : WireTest(wire)
{
    private static string Memory(string id) => $$"""{"memory_id":"{{id}}","user_id":"user_1","memory":"content of {{id}}"}""";

    private static string Page(string? next, bool hasMore, params string[] ids) =>
        $$"""{"memories":[{{string.Join(",", ids.Select(Memory))}}],"total_count":{{ids.Length}},"next_cursor":{{(next is null ? "null" : $"\"{next}\"")}},"has_more":{{(hasMore ? "true" : "false")}}}""";

    /// <summary>Answers the first page (no cursor) and each page named by its cursor.</summary>
    private void Pages(string first, params (string Cursor, string Body)[] next)
    {
        Wire.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/memories").WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(Json(200, first));
        foreach (var (cursor, body) in next)
        {
            Wire.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/memories").WithParam("cursor", cursor)).RespondWith(Json(200, body));
        }
    }

    [Fact]
    public async Task Follows_the_cursors_until_has_more_is_false()
    {
        Pages(Page("c2", true, "m1", "m2"), ("c2", Page("c3", true, "m3")), ("c3", Page(null, false, "m4")));

        var ids = await Client().ListAllAsync(new MemoryListOptions { UserId = "user_1", Limit = 2 }).Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(["m1", "m2", "m3", "m4"], ids);
        Assert.Equal(
            [
                "/api/v1/memories?user_id=user_1&limit=2",
                "/api/v1/memories?user_id=user_1&cursor=c2&limit=2",
                "/api/v1/memories?user_id=user_1&cursor=c3&limit=2",
            ],
            Wire.Requests.Select(r => r.RawTarget()));
    }

    [Fact]
    public async Task Stops_when_the_cursor_is_null_even_if_has_more_says_otherwise()
    {
        Pages(Page(null, true, "m1"));

        var ids = await Client().ListAllAsync().Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(["m1"], ids);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Stops_when_has_more_is_false_even_with_a_cursor()
    {
        Pages(Page("c2", false, "m1"), ("c2", Page(null, false, "never")));

        var ids = await Client().ListAllAsync().Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(["m1"], ids);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Fetches_nothing_until_enumerated_and_nothing_after_the_consumer_stops()
    {
        Pages(Page("c2", true, "m1", "m2"), ("c2", Page(null, false, "m3")));
        var all = Client().ListAllAsync();
        Assert.Empty(Wire.Arrivals);

        await foreach (var memory in all)
        {
            Assert.Equal("m1", memory.MemoryId);
            break;
        }

        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Starts_from_the_given_cursor()
    {
        Pages(Page("never", true, "m0"), ("c5", Page(null, false, "m5")));

        var ids = await Client().ListAllAsync(new MemoryListOptions { Cursor = "c5" }).Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(["m5"], ids);
    }

    [Theory]
    [InlineData("c2")]
    [InlineData("c3")]
    public async Task Throws_instead_of_looping_when_the_server_repeats_a_cursor(string repeated)
    {
        Pages(Page("c2", true, "m1"), ("c2", Page("c3", true, "m2")), ("c3", Page(repeated, true, "m3")));
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<MieltoException>(async () =>
        {
            await foreach (var memory in Client().ListAllAsync())
            {
                seen.Add(memory.MemoryId);
            }
        });

        Assert.Equal(["m1", "m2", "m3"], seen);
        Assert.Contains($"cursor '{repeated}' a second time", error.Message);
        Assert.Equal(3, Wire.Requests.Count);
    }

    [Fact]
    public async Task Throws_when_the_start_cursor_comes_back()
    {
        Pages(Page("never", true), ("c1", Page("c1", true, "m1")));

        await Assert.ThrowsAsync<MieltoException>(async () => await Client().ListAllAsync(new MemoryListOptions { Cursor = "c1" }).ToListAsync());

        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Is_cancelled_within_a_page()
    {
        Pages(Page("c2", true, "m1", "m2", "m3"), ("c2", Page(null, false, "m4")));
        using var cancel = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var memory in Client().ListAllAsync(cancellationToken: cancel.Token))
            {
                seen.Add(memory.MemoryId);
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(["m1"], seen);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Is_cancelled_between_pages_through_WithCancellation()
    {
        Pages(Page("c2", true, "m1"), ("c2", Page(null, false, "m2")));
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var memory in Client().ListAllAsync().WithCancellation(cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task A_failing_page_throws_its_typed_exception_after_the_memories_before_it()
    {
        Pages(Page("c2", true, "m1"));
        Wire.Server.Given(Request.Create().UsingGet().WithParam("cursor", "c2")).RespondWith(Json(403, """{"detail":"no"}"""));
        var seen = new List<string>();

        await Assert.ThrowsAsync<MieltoPermissionException>(async () =>
        {
            await foreach (var memory in Client().ListAllAsync())
            {
                seen.Add(memory.MemoryId);
            }
        });

        Assert.Equal(["m1"], seen);
    }
}
