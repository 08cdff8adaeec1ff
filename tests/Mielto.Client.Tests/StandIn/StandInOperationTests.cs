using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Mielto.Client.Testing;

namespace Mielto.Client.Tests.StandIn;

/// <summary>The stand-in's behaviour for every operation beyond delete, driven through the real SDK.</summary>
[Collection(StandInCollection.Name)]
public sealed class StandInOperationTests(StandInFixture fixture) : StandInTest(fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static async Task<(MieltoTestServer Server, MieltoClient Client, FakeTimeProvider Clock)> StartWithClockAsync(Action<MieltoTestServerOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var server = await MieltoTestServer.StartAsync(o =>
        {
            o.TimeProvider = clock;
            configure?.Invoke(o);
        });
        return (server, server.CreateClient(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)), clock);
    }

    private HttpClient RawClient()
    {
        var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.ApiKey);
        return http;
    }

    [Fact]
    public async Task Create_generates_an_id_sets_the_timestamps_and_stores_the_memory()
    {
        var (server, client, clock) = await StartWithClockAsync();
        await using (server)
        using (client)
        {
            var first = await client.Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea", Topics = ["drinks"] });
            clock.Advance(TimeSpan.FromSeconds(1));
            var second = await client.Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea", MemoryType = MemoryType.Agent });

            Assert.StartsWith("mem_", first.MemoryId, StringComparison.Ordinal);
            Assert.NotEqual(first.MemoryId, second.MemoryId);
            Assert.Equal("Memory created successfully", first.Message);
            Assert.Equal(first.MemoryId, first.Memory.MemoryId);
            Assert.Equal((Start, Start), (first.Memory.CreatedAt, first.Memory.UpdatedAt));
            Assert.Equal(Start.AddSeconds(1), second.Memory.CreatedAt);
            var stored = server.FindMemory(first.MemoryId)!;
            Assert.Equal(("user_1", "likes tea", "user"), (stored.UserId, stored.Content, stored.MemoryType));
            Assert.Equal(["drinks"], stored.Topics!);
            Assert.Equal("agent", server.FindMemory(second.MemoryId)!.MemoryType);
        }
    }

    [Fact]
    public async Task Create_then_get_round_trips_content_and_metadata_exactly()
    {
        var metadata = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{"n":1.50,"deep":{"a":[1,"é",null,{"b":true}]},"s":"quote \" ☃ 😀"}""")!;
        const string Content = "line 1\nline 2\t\"quoted\" \\ é ☃ 😀 \u0001";

        var created = await Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = Content, Metadata = metadata });
        var got = await Memories.GetAsync(created.MemoryId, userId: "user_1");

        Assert.Equal(Content, got.Content);
        Assert.Equal("1.50", got.Metadata!["n"].GetRawText());
        Assert.True(JsonElement.DeepEquals(metadata["deep"], got.Metadata["deep"]));
        Assert.Equal("quote \" ☃ 😀", got.Metadata["s"].GetString());
        Assert.Equal((got.MemoryId, got.Content, got.CreatedAt), (created.Memory.MemoryId, created.Memory.Content, created.Memory.CreatedAt));
    }

    [Fact]
    public async Task Create_answers_422_for_missing_and_mistyped_fields_as_FastAPI_does()
    {
        using var http = RawClient();

        using var missing = await http.PostAsync(new Uri("api/v1/memories", UriKind.Relative), new StringContent("""{"memory":"x","topics":["a",2]}""", Encoding.UTF8, "application/json"));
        using var notJson = await http.PostAsync(new Uri("api/v1/memories", UriKind.Relative), new StringContent("{oops", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("""{"detail":[{"type":"missing","loc":["body","user_id"],"msg":"Field required"},{"type":"string_type","loc":["body","topics",1],"msg":"Input should be a valid string"}]}""", await missing.Content.ReadAsStringAsync());
        Assert.Contains("json_invalid", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Server.Memories);
    }

    [Fact]
    public async Task Get_applies_the_owner_and_workspace_rules()
    {
        Server.AddMemory("mem_1", "user_1", content: "likes tea");
        Server.AddMemory("mem_team", "user_1", workspaceId: "wsp_team");

        Assert.Equal("likes tea", (await Memories.GetAsync("mem_1", userId: "user_1")).Content);
        Assert.Equal("likes tea", (await Memories.GetAsync("mem_1")).Content);
        await Assert.ThrowsAsync<MieltoPermissionException>(() => Memories.GetAsync("mem_1", userId: "user_2"));
        Assert.Null(await Memories.GetIfExistsAsync("mem_team"));
        Assert.Equal("mem_team", (await Memories.GetAsync("mem_team", workspaceId: "wsp_team")).MemoryId);
        await Assert.ThrowsAsync<MieltoPermissionException>(() => Memories.GetAsync("mem_1", workspaceId: "wsp_other"));
    }

    [Fact]
    public async Task List_pages_newest_first_by_default_and_only_the_users_memories()
    {
        for (var i = 0; i < 5; i++)
        {
            Server.AddMemory($"mem_{i}", "user_1", createdAt: Start.AddMinutes(i));
        }

        Server.AddMemory("other", "user_2", createdAt: Start.AddHours(1));

        var first = await Memories.ListAsync(new MemoryListOptions { UserId = "user_1", Limit = 2 });
        var all = await Memories.ListAllAsync(new MemoryListOptions { UserId = "user_1", Limit = 2 }).Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(["mem_4", "mem_3"], first.Memories.Select(m => m.MemoryId));
        Assert.True(first.HasMore);
        Assert.Equal(2, first.TotalCount);
        Assert.Equal(["mem_4", "mem_3", "mem_2", "mem_1", "mem_0"], all);
    }

    [Theory]
    [InlineData("created_at", MemorySortOrder.Ascending, new[] { "b", "c", "a" })]
    [InlineData("created_at", MemorySortOrder.Descending, new[] { "a", "c", "b" })]
    [InlineData("memory_id", MemorySortOrder.Ascending, new[] { "a", "b", "c" })]
    [InlineData("memory_id", MemorySortOrder.Descending, new[] { "c", "b", "a" })]
    public async Task List_sorts_by_the_field_and_order_asked_across_pages(string sortBy, MemorySortOrder order, string[] expected)
    {
        Server.AddMemory("a", "user_1", createdAt: Start.AddMinutes(3));
        Server.AddMemory("b", "user_1", createdAt: Start.AddMinutes(1));
        Server.AddMemory("c", "user_1", createdAt: Start.AddMinutes(2));

        var ids = await Memories.ListAllAsync(new MemoryListOptions { Limit = 1, SortBy = sortBy, SortOrder = order }).Select(m => m.MemoryId).ToListAsync();

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task List_cursors_stay_valid_while_memories_are_deleted()
    {
        for (var i = 0; i < 10; i++)
        {
            Server.AddMemory($"mem_{i}", "user_1", createdAt: Start.AddMinutes(i));
        }

        var seen = new List<string>();
        await foreach (var memory in Memories.ListAllAsync(new MemoryListOptions { Limit = 3, SortBy = "memory_id", SortOrder = MemorySortOrder.Ascending }))
        {
            seen.Add(memory.MemoryId);
            await Memories.DeleteAsync(memory.MemoryId);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"mem_{i}"), seen);
        Assert.Empty(Server.Memories);
    }

    [Fact]
    public async Task List_answers_422_for_a_limit_sort_or_cursor_it_cannot_use()
    {
        using var http = RawClient();

        using var tooMany = await http.GetAsync(new Uri("api/v1/memories?limit=101", UriKind.Relative));
        using var notNumber = await http.GetAsync(new Uri("api/v1/memories?limit=ten", UriKind.Relative));
        var sort = await Assert.ThrowsAsync<MemoryValidationException>(() => Memories.ListAsync(new MemoryListOptions { SortBy = "content" }));
        var cursor = await Assert.ThrowsAsync<MemoryValidationException>(() => Memories.ListAsync(new MemoryListOptions { Cursor = "not-a-cursor" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("less_than_equal", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("int_parsing", await notNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["query", "sort_by"], Assert.Single(sort.Errors).Location);
        Assert.Equal(["query", "cursor"], Assert.Single(cursor.Errors).Location);
    }

    [Fact]
    public async Task List_can_serve_its_array_under_data_as_the_official_SDKs_expect()
    {
        var (server, client, _) = await StartWithClockAsync(o => o.ListArrayName = "data");
        await using (server)
        using (client)
        {
            server.AddMemory("mem_1", "user_1");
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Add("X-API-Key", server.ApiKey);

            var raw = await http.GetStringAsync(new Uri("api/v1/memories", UriKind.Relative));
            var page = await client.Memories.ListAsync();

            Assert.StartsWith("""{"data":[""", raw, StringComparison.Ordinal);
            Assert.Equal("mem_1", Assert.Single(page.Memories).MemoryId);
        }
    }

    [Fact]
    public async Task Search_last_n_and_first_n_order_by_creation()
    {
        Server.AddMemory("old", "user_1", createdAt: Start);
        Server.AddMemory("mid", "user_1", createdAt: Start.AddDays(1));
        Server.AddMemory("new", "user_1", createdAt: Start.AddDays(2));

        var last = await Memories.SearchAsync(new MemorySearchRequest { Query = "anything", RetrievalMethod = RetrievalMethod.LastN, Limit = 2 });
        var first = await Memories.SearchAsync(new MemorySearchRequest { Query = "anything", RetrievalMethod = RetrievalMethod.FirstN, Limit = 2 });

        Assert.Equal(["new", "mid"], last.Memories.Select(m => m.MemoryId));
        Assert.Equal(["old", "mid"], first.Memories.Select(m => m.MemoryId));
        Assert.Equal((2, "anything", RetrievalMethod.LastN), (last.TotalResults, last.Query, last.RetrievalMethod));
    }

    [Fact]
    public async Task Search_matches_words_of_the_query_ignoring_case_for_the_other_methods()
    {
        Server.AddMemory("tea", "user_1", content: "Ada prefers green TEA in the morning");
        Server.AddMemory("topic", "user_1", content: "a hot drink", topics: ["Tea"]);
        Server.AddMemory("both", "user_1", content: "green tea, always", createdAt: Start);
        Server.AddMemory("other_user", "user_2", content: "tea");
        Server.AddMemory("unrelated", "user_1", content: "Paris in May");

        var found = await Memories.SearchAsync(new MemorySearchRequest { Query = "Green tea?", UserId = "user_1" });

        Assert.Equal(RetrievalMethod.Agentic, found.RetrievalMethod);
        // "Green" and "tea" both match two memories, ranked first (in either order); "tea" alone, in a topic, third.
        Assert.Equal(["both", "tea", "topic"], found.Memories.Select(m => m.MemoryId).Take(2).Order(StringComparer.Ordinal).Append(found.Memories[2].MemoryId));
        Assert.DoesNotContain(found.Memories, m => m.MemoryId is "other_user" or "unrelated");
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_sets_updated_at()
    {
        var (server, client, clock) = await StartWithClockAsync();
        await using (server)
        using (client)
        {
            server.AddMemory("mem_1", "user_1", content: "likes tea", topics: ["drinks"]);
            clock.Advance(TimeSpan.FromMinutes(5));

            var updated = await client.Memories.UpdateAsync("mem_1", new MemoryUpdateRequest { UserId = "user_1", Topics = [] });

            Assert.Equal(("likes tea", 0), (updated.Memory.Content, updated.Memory.Topics!.Count));
            Assert.Equal((Start, Start.AddMinutes(5)), (updated.Memory.CreatedAt, updated.Memory.UpdatedAt));
            Assert.Equal("Memory updated successfully", updated.Message);
            Assert.Equal(updated.Memory.Topics, server.FindMemory("mem_1")!.Topics);
            await Assert.ThrowsAsync<MieltoPermissionException>(() => client.Memories.UpdateAsync("mem_1", new MemoryUpdateRequest { UserId = "user_2", Content = "x" }));
            await Assert.ThrowsAsync<MemoryNotFoundException>(() => client.Memories.UpdateAsync("missing", new MemoryUpdateRequest { Content = "x" }));
            Assert.Equal("likes tea", server.FindMemory("mem_1")!.Content);
        }
    }

    [Fact]
    public async Task Replace_keeps_the_id_and_creation_time_and_replaces_everything_else()
    {
        var (server, client, clock) = await StartWithClockAsync();
        await using (server)
        using (client)
        {
            server.AddMemory("mem_1", "user_1", content: "likes tea", topics: ["drinks"]);
            clock.Advance(TimeSpan.FromMinutes(5));

            var replaced = await client.Memories.ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = "likes coffee", UserId = "user_1" });

            Assert.Equal(("likes tea", "likes coffee"), (replaced.OldMemory.Content, replaced.NewMemory.Content));
            Assert.Equal(["drinks"], replaced.OldMemory.Topics);
            Assert.Null(replaced.NewMemory.Topics);
            Assert.Equal((Start, Start.AddMinutes(5)), (replaced.NewMemory.CreatedAt, replaced.NewMemory.UpdatedAt));
            Assert.Equal("mem_1", replaced.NewMemory.MemoryId);
            await Assert.ThrowsAsync<MieltoPermissionException>(() => client.Memories.ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = "x", UserId = "user_2" }));
        }
    }

    [Fact]
    public async Task The_key_is_accepted_as_X_API_Key()
    {
        Server.AddMemory("mem_1", "user_1");
        using var client = Server.CreateClient(o => o.ApiKeyHeader = MieltoApiKeyHeader.XApiKey);

        var memory = await client.Memories.GetAsync("mem_1");

        Assert.Equal("mem_1", memory.MemoryId);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("***", request.Headers["X-API-Key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Faults_can_be_aimed_at_one_operation()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.FailNext(1, HttpStatusCode.ServiceUnavailable, operation: MieltoOperation.Create);
        Server.DropNext(1, MieltoOperation.Search);

        await Memories.GetAsync("mem_1");
        await Assert.ThrowsAsync<MieltoServerException>(() => Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "x" }));
        var found = await Memories.SearchAsync(new MemorySearchRequest { Query = "x", RetrievalMethod = RetrievalMethod.LastN });

        Assert.Equal(
            [(MieltoOperation.Get, 200), (MieltoOperation.Create, 503), (MieltoOperation.Search, 0), (MieltoOperation.Search, 200)],
            Server.Requests.Select(r => (r.Operation!.Value, r.StatusCode)));
        Assert.Single(found.Memories);
        Assert.Single(Server.Memories);
    }

    [Fact]
    public async Task The_journal_records_bodies()
    {
        await Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea ☃" });

        var request = Assert.Single(Server.Requests);
        Assert.Equal("""{"user_id":"user_1","memory":"likes tea ☃"}""", request.Body);
        Assert.Equal(MieltoOperation.Create, request.Operation);
    }
}
