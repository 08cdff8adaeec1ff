using System.Text.Json;
using Mielto.Client.Tests.Infrastructure;

namespace Mielto.Client.Tests;

/// <summary>The exact requests every operation sends: method, raw target, headers and body.</summary>
[Collection(RequestsCollection.Name)]
public sealed class OperationRequestTests(WireServer wire) : WireTest(wire)
{
    private static readonly Dictionary<string, JsonElement> NestedMetadata = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
        """{"n":1.50,"big":12345678901234567890,"deep":{"list":[true,null,"x",{"y":[]}]},"text":"quote \" backslash \\ tab \t é ☃ 😀"}""")!;

    private WireMock.Logging.ILogEntry Sent() => Assert.Single(Wire.Requests);

    private static string Body(WireMock.Logging.ILogEntry entry) => entry.RequestMessage!.Body!;

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_sends_its_method_and_path_with_the_bearer_key_only(string name)
    {
        var operation = OperationCase.Named(name);
        Respond(200, operation.SuccessBody);

        await operation.Invoke(Mielto(), null);

        var request = Sent();
        Assert.Equal(operation.Method, request.RequestMessage!.Method);
        Assert.Equal(operation.Path, request.RawTarget());
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.False(request.HasHeader("X-API-Key"));
        Assert.False(request.HasHeader("X-Workspace-Id"));
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_sends_the_key_as_X_API_Key_alone_when_asked(string name)
    {
        var operation = OperationCase.Named(name);
        Respond(200, operation.SuccessBody);

        await operation.Invoke(Mielto(o => o.ApiKeyHeader = MieltoApiKeyHeader.XApiKey), null);

        var request = Sent();
        Assert.Equal(ApiKey, request.Header("X-API-Key"));
        Assert.False(request.HasHeader("Authorization"));
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_sends_the_call_workspace_else_the_configured_one(string name)
    {
        var operation = OperationCase.Named(name);
        Respond(200, operation.SuccessBody);
        var client = Mielto(o => o.WorkspaceId = "wsp_default");

        await operation.Invoke(client, "wsp_call");
        await operation.Invoke(client, "");

        Assert.Equal(["wsp_call", "wsp_default"], Wire.Requests.Select(r => r.Header("X-Workspace-Id")));
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_refuses_an_unsendable_workspace_before_sending(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OperationCase.Named(name).Invoke(Mielto(), "wsp\r\nX-Evil: 1"));

        Assert.Empty(Wire.Arrivals);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wsp_1")]
    public async Task A_delete_goes_out_without_a_body(string? workspaceId)
    {
        Respond(200, OperationCase.Named("delete").SuccessBody);

        await Client().DeleteAsync("mem_1", userId: "user_1", workspaceId: workspaceId);

        var request = Sent();
        Assert.Equal("DELETE", request.RequestMessage!.Method);
        Assert.False(request.HasHeader("Content-Length"));
        Assert.False(request.HasHeader("Transfer-Encoding"));
        Assert.False(request.HasHeader("Content-Type"));
        Assert.Equal(workspaceId, workspaceId is null ? null : request.Header("X-Workspace-Id"));
    }

    [Fact]
    public async Task Create_sends_exact_snake_case_json_without_unset_fields()
    {
        Respond(200, OperationCase.Named("create").SuccessBody);

        await Client().CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea" });

        var request = Sent();
        Assert.Equal("""{"user_id":"user_1","memory":"likes tea"}""", Body(request));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal("41", request.Header("Content-Length"));
        Assert.False(request.HasHeader("Transfer-Encoding"));
    }

    [Fact]
    public async Task Create_sends_every_field_when_set_and_any_metadata_exactly()
    {
        Respond(200, OperationCase.Named("create").SuccessBody);

        await Client().CreateAsync(new MemoryCreateRequest
        {
            UserId = "user_1",
            Content = "likes tea",
            MemoryType = MemoryType.Agent,
            Topics = ["drinks", "morning"],
            Metadata = NestedMetadata,
        });

        using var sent = JsonDocument.Parse(Body(Sent()));
        var root = sent.RootElement;
        Assert.Equal(["user_id", "memory", "memory_type", "topics", "metadata"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("agent", root.GetProperty("memory_type").GetString());
        Assert.Equal(["drinks", "morning"], root.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        var metadata = root.GetProperty("metadata");
        Assert.True(JsonElement.DeepEquals(JsonSerializer.SerializeToElement(NestedMetadata), metadata), metadata.GetRawText());

        // Numbers keep their text: no rounding through double, no trailing zero dropped.
        Assert.Equal("1.50", metadata.GetProperty("n").GetRawText());
        Assert.Equal("12345678901234567890", metadata.GetProperty("big").GetRawText());
    }

    [Theory]
    [InlineData("quote \" backslash \\ slash / newline \n nul \0 bell \a")]
    [InlineData("é ☃ 😀 中文 עברית")]
    [InlineData("<script>&amp;'+")]
    [InlineData("")]
    public async Task Create_sends_any_content_exactly(string content)
    {
        Respond(200, OperationCase.Named("create").SuccessBody);

        await Client().CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = content });

        using var sent = JsonDocument.Parse(Body(Sent()));
        Assert.Equal(content, sent.RootElement.GetProperty("memory").GetString());
    }

    [Fact]
    public async Task Create_sends_a_megabyte_of_text_whole()
    {
        var content = string.Concat(Enumerable.Repeat("0123456789abcdé☃", 1024 * 1024 / 16));
        Respond(200, OperationCase.Named("create").SuccessBody);

        await Client().CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = content });

        using var sent = JsonDocument.Parse(Body(Sent()));
        Assert.Equal(content, sent.RootElement.GetProperty("memory").GetString());
    }

    public static TheoryData<MemoryCreateRequest, string> InvalidCreates => new()
    {
        { new MemoryCreateRequest { UserId = null!, Content = "x" }, "MemoryCreateRequest.UserId is required" },
        { new MemoryCreateRequest { UserId = "u", Content = null! }, "MemoryCreateRequest.Content is required" },
        { new MemoryCreateRequest { UserId = "u", Content = "bad \ud800 surrogate" }, "unpaired UTF-16 surrogate" },
        { new MemoryCreateRequest { UserId = "u", Content = "x", Topics = ["a", null!] }, "Topics[1] is null" },
        { new MemoryCreateRequest { UserId = "u", Content = "x", Metadata = new Dictionary<string, JsonElement> { ["k"] = default } }, "Metadata['k'] is a default JsonElement" },
        { new MemoryCreateRequest { UserId = "u", Content = "x", MemoryType = default(MemoryType) }, "MemoryType is an empty value" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_refuses_a_request_that_cannot_be_sent_before_sending(MemoryCreateRequest request, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateAsync(request));

        Assert.Contains(expected, error.Message);
        Assert.Equal("request", error.ParamName);
        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Create_refuses_null()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client().CreateAsync(null!));
    }

    [Theory]
    [InlineData("a b+c&d=e/f?g#h%", "/api/v1/memories/a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25?user_id=u%2F1")]
    [InlineData("search", "/api/v1/memories/search?user_id=u%2F1")]
    [InlineData("...", "/api/v1/memories/...?user_id=u%2F1")]
    public async Task Get_sends_the_id_as_one_segment_and_the_user_id_in_the_query(string memoryId, string expected)
    {
        Respond(200, OperationCase.MemoryJson);

        await Client().GetAsync(memoryId, userId: "u/1");

        Assert.Equal(expected, Sent().RawTarget());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("chunks")]
    [InlineData("profile")]
    public async Task Get_and_GetIfExists_refuse_an_id_that_addresses_another_route(string memoryId)
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync(memoryId));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetIfExistsAsync(memoryId));

        Assert.Empty(Wire.Arrivals);
    }

    [Theory]
    [InlineData("chunks")]
    [InlineData("profile")]
    public async Task Other_verbs_send_the_ids_chunks_and_profile_as_usual(string memoryId)
    {
        Respond(200, OperationCase.Named("update").SuccessBody.Replace("\"mem_1\"", $"\"{memoryId}\"", StringComparison.Ordinal));
        var client = Client();

        await client.UpdateAsync(memoryId, new MemoryUpdateRequest { Content = "x" });
        await client.DeleteAsync(memoryId);

        Assert.Equal([$"/api/v1/memories/{memoryId}", $"/api/v1/memories/{memoryId}"], Wire.Requests.Select(r => r.RawTarget()));
    }

    [Fact]
    public async Task Every_id_operation_refuses_null_and_dot_segments_before_sending()
    {
        var client = Client();
        var update = new MemoryUpdateRequest { Content = "x" };
        var replacement = new MemoryReplaceRequest { Content = "x" };

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.UpdateAsync(null!, update));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ReplaceAsync(null!, replacement));
        foreach (var id in new[] { "", "\t", ".", ".." })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateAsync(id, update));
            await Assert.ThrowsAsync<ArgumentException>(() => client.ReplaceAsync(id, replacement));
        }

        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task List_sends_no_query_when_no_option_is_set()
    {
        Respond(200, OperationCase.Named("list").SuccessBody);

        await Client().ListAsync(new MemoryListOptions { UserId = "", Cursor = "", SortBy = "" });

        Assert.Equal("/api/v1/memories", Sent().RawTarget());
    }

    [Theory]
    [InlineData(MemorySortOrder.Ascending, "asc")]
    [InlineData(MemorySortOrder.Descending, "desc")]
    public async Task List_sends_every_option_that_is_set(MemorySortOrder order, string wire)
    {
        Respond(200, OperationCase.Named("list").SuccessBody);

        await Client().ListAsync(new MemoryListOptions { UserId = "user 1", Cursor = "c/+=", Limit = 100, SortBy = "created_at", SortOrder = order });

        Assert.Equal($"/api/v1/memories?user_id=user%201&cursor=c%2F%2B%3D&limit=100&sort_by=created_at&sort_order={wire}", Sent().RawTarget());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task List_and_search_refuse_a_limit_outside_1_to_100_before_sending(int limit)
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListAsync(new MemoryListOptions { Limit = limit }));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListAllAsync(new MemoryListOptions { Limit = limit }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SearchAsync(new MemorySearchRequest { Query = "q", Limit = limit }));

        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task List_refuses_an_undefined_sort_order_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client().ListAsync(new MemoryListOptions { SortOrder = (MemorySortOrder)7 }));

        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Search_sends_the_query_and_only_the_fields_set()
    {
        Respond(200, OperationCase.Named("search").SuccessBody);
        var client = Client();

        await client.SearchAsync(new MemorySearchRequest { Query = "tea" });
        await client.SearchAsync(new MemorySearchRequest { Query = "tea", UserId = "user_1", Limit = 5, RetrievalMethod = RetrievalMethod.LastN });
        await client.SearchAsync(new MemorySearchRequest { Query = "tea", RetrievalMethod = "future_method" });

        Assert.Equal(
            [
                """{"query":"tea"}""",
                """{"query":"tea","user_id":"user_1","limit":5,"retrieval_method":"last_n"}""",
                """{"query":"tea","retrieval_method":"future_method"}""",
            ],
            Wire.Requests.Select(Body));
    }

    [Fact]
    public async Task Search_refuses_a_null_query_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().SearchAsync(new MemorySearchRequest { Query = null! }));

        Assert.Contains("MemorySearchRequest.Query is required", error.Message);
        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Update_sends_only_the_fields_that_are_set()
    {
        Respond(200, OperationCase.Named("update").SuccessBody);
        var client = Client();

        await client.UpdateAsync("mem_1", new MemoryUpdateRequest { Topics = [] });
        await client.UpdateAsync("mem_1", new MemoryUpdateRequest { UserId = "user_1", Content = "new", Metadata = new Dictionary<string, JsonElement>() });

        Assert.Equal(
            ["""{"topics":[]}""", """{"user_id":"user_1","memory":"new","metadata":{}}"""],
            Wire.Requests.Select(Body));
        Assert.All(Wire.Requests, r => Assert.Equal("PUT", r.RequestMessage!.Method));
    }

    [Fact]
    public async Task Update_refuses_an_update_that_sets_nothing_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().UpdateAsync("mem_1", new MemoryUpdateRequest()));

        Assert.Contains("sets nothing", error.Message);
        Assert.Equal("update", error.ParamName);
        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Replace_posts_the_whole_state_to_the_replace_route()
    {
        Respond(200, OperationCase.Named("replace").SuccessBody);

        await Client().ReplaceAsync("a/b", new MemoryReplaceRequest { Content = "new", UserId = "user_1", Topics = ["t"] });

        var request = Sent();
        Assert.Equal("POST", request.RequestMessage!.Method);
        Assert.Equal("/api/v1/memories/a%2Fb/replace", request.RawTarget());
        Assert.Equal("""{"memory":"new","user_id":"user_1","topics":["t"]}""", Body(request));
    }

    [Fact]
    public async Task Replace_refuses_null_content_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = null! }));

        Assert.Contains("MemoryReplaceRequest.Content is required", error.Message);
        Assert.Empty(Wire.Arrivals);
    }
}
