using System.Net;
using System.Text.Json;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests;

/// <summary>How every operation maps each class of response: its result, and each error to its exception.</summary>
[Collection(ResponsesCollection.Name)]
public sealed class OperationResponseTests(WireServer wire) : WireTest(wire)
{
    private IMemoriesClient NoRetries() => Client(o => o.MaxRetries = 0);

    private MieltoClient AllNoRetries() => Mielto(o => o.MaxRetries = 0);

    public static TheoryData<string, int, Type> StatusCases()
    {
        var cases = new TheoryData<string, int, Type>();
        foreach (var operation in OperationCase.All)
        {
            cases.Add(operation.Name, 400, typeof(MieltoApiException));
            cases.Add(operation.Name, 401, typeof(MieltoAuthenticationException));
            cases.Add(operation.Name, 402, typeof(MieltoPaymentRequiredException));
            cases.Add(operation.Name, 403, typeof(MieltoPermissionException));
            cases.Add(operation.Name, 404, operation.OnOne ? operation.NotFound : typeof(MieltoApiException));
            cases.Add(operation.Name, 429, typeof(MieltoRateLimitException));
            cases.Add(operation.Name, 500, typeof(MieltoServerException));
            cases.Add(operation.Name, 503, typeof(MieltoServerException));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(StatusCases))]
    public async Task Every_operation_throws_the_exception_type_of_the_status_with_what_the_server_said(string name, int status, Type expected)
    {
        var operation = OperationCase.Named(name);
        Respond(status, """{"detail":"what the server said","error_code":"SOME_CODE"}""");

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => operation.Invoke(AllNoRetries(), null));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("what the server said", error.Detail);
        Assert.Equal("SOME_CODE", error.ErrorCode);
        Assert.Contains(operation.Call, error.Message);
        Assert.DoesNotContain(ApiKey, error.ToString());
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_throws_its_resources_validation_exception_with_the_field_errors_on_422(string name)
    {
        var operation = OperationCase.Named(name);
        Respond(422, """{"detail":[{"type":"missing","loc":["body","memory"],"msg":"Field required","input":{}},{"type":"less_than_equal","loc":["query","limit"],"msg":"Input should be less than or equal to 100","input":"101","ctx":{"le":100}}]}""");

        var error = await Assert.ThrowsAnyAsync<MieltoValidationException>(() => operation.Invoke(Mielto(), null));

        Assert.Equal(operation.Invalid, error.GetType());

        Assert.Equal([["body", "memory"], ["query", "limit"]], error.Errors.Select(e => e.Location));
        Assert.Equal(["Field required", "Input should be less than or equal to 100"], error.Errors.Select(e => e.Message));
        Assert.Contains(operation.Call, error.Message);
        Assert.Single(Wire.Requests);
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_reports_a_non_json_or_empty_error_body_by_its_status(string name)
    {
        var operation = OperationCase.Named(name);
        RespondRaw(502, "<html>Bad Gateway</html>", "text/html");

        var html = await Assert.ThrowsAsync<MieltoServerException>(() => operation.Invoke(AllNoRetries(), null));
        Wire.Reset();
        Respond(401);
        var empty = await Assert.ThrowsAsync<MieltoAuthenticationException>(() => operation.Invoke(AllNoRetries(), null));

        Assert.Equal("<html>Bad Gateway</html>", html.Detail);
        Assert.Null(empty.Detail);
        Assert.Null(empty.ResponseBody);
        Assert.Contains(operation.Call, empty.Message);
    }

    public static TheoryData<string, string> WrongBodies()
    {
        var cases = new TheoryData<string, string>();
        // A content delete answers 204 and has no result to read: any body is left unread.
        foreach (var operation in OperationCase.All.Where(o => o.Name != "contents.delete"))
        {
            cases.Add(operation.Name, "<html>Welcome to nginx</html>");
            cases.Add(operation.Name, "[]");
            cases.Add(operation.Name, "null");
            cases.Add(operation.Name, """{"memory_id":5}""");
            cases.Add(operation.Name, operation.SuccessBody[..^3]);
            if (operation.SuccessBody.Contains("\"user_1\"", StringComparison.Ordinal))
            {
                // A required member present but null.
                cases.Add(operation.Name, operation.SuccessBody.Replace("\"user_1\"", "null", StringComparison.Ordinal));
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(WrongBodies))]
    public async Task Every_operation_reports_a_200_whose_body_is_not_its_json(string name, string body)
    {
        var operation = OperationCase.Named(name);
        RespondRaw(200, body, "application/json");

        var error = await Assert.ThrowsAsync<MieltoException>(() => operation.Invoke(Mielto(), null));

        Assert.Contains(operation.Call, error.Message);
        Assert.Contains("not the expected", error.Message);
        Assert.Single(Wire.Requests);
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_returns_its_result_on_200(string name)
    {
        var operation = OperationCase.Named(name);
        Respond(200, operation.SuccessBody);

        var result = await operation.Invoke(Mielto(), null);

        var collectionId = result switch
        {
            Collection collection => collection.Id,
            CollectionPage page => Assert.Single(page.Collections).Id,
            CollectionDeleteResult deleted => deleted.CollectionId,
            CollectionSearchResponse found => Assert.Single(found.Results).Content == "Green tea" ? found.CollectionId : null,
            CollectionContent content => content.CollectionId,
            ContentPage contents => Assert.Single(contents.Contents).CollectionId,
            ContentDeleteManyResult deletedMany => Assert.Single(deletedMany.DeletedIds) == "con_1" && Assert.Single(deletedMany.FailedIds) == "con_2" ? "col_1" : null,
            "deleted con_1" => "col_1",
            ChunkPage chunks => Assert.Single(chunks.Chunks).CollectionId,
            UploadResult uploaded => Assert.Single(uploaded.ContentIds) == "con_1" && uploaded.Status == UploadStatus.Success ? "col_1" : null,
            ChunkCreationResult chunked => Assert.Single(chunked.ContentIdsProcessed) == "con_1" && chunked.TotalChunksCreated == 3 ? "col_1" : null,
            CompressResult compressed => compressed is { CompressionSeconds: 1.5, OriginalLength: 52, CompressedLength: 26 } ? compressed.Content![..5] : null,
            Microsoft.Extensions.AI.ChatResponse answer => answer.FinishReason == Microsoft.Extensions.AI.ChatFinishReason.Stop && answer.ResponseId == "chatcmpl-1" ? answer.Text[..5] : null,
            _ => null,
        };
        if (collectionId is not null)
        {
            Assert.Equal("col_1", collectionId);
            return;
        }

        var memory = result switch
        {
            MemoryCreateResponse created => created.Memory,
            Memory got => got,
            MemoryPage page => Assert.Single(page.Memories),
            MemorySearchResponse found => Assert.Single(found.Memories),
            MemoryUpdateResponse updated => updated.Memory,
            MemoryReplaceResponse replaced => replaced.NewMemory,
            MemoryDeleteResponse deleted => new Memory { MemoryId = deleted.MemoryId, UserId = "user_1", Content = "likes tea" },
            MemoryFromMessagesResponse fromMessages => new Memory { MemoryId = Assert.Single(fromMessages.MemoryIds), UserId = "user_1", Content = "likes tea" },
            MemoryChunkPage chunks => new Memory { MemoryId = Assert.Single(chunks.Chunks).ContentId!, UserId = "user_1", Content = chunks.Chunks[0].Content },
            MemoryProfile profile => profile.Profile!,
            _ => throw new InvalidOperationException(result?.GetType().Name),
        };
        Assert.Equal("mem_1", memory.MemoryId);
        Assert.Equal("user_1", memory.UserId);
        Assert.Equal("likes tea", memory.Content);
    }

    [Fact]
    public async Task A_memory_reads_every_documented_field_and_ignores_unknown_ones()
    {
        Respond(200, OperationCase.MemoryJson.Replace("\"metadata\"", "\"future_field\":{\"x\":[1]},\"metadata\"", StringComparison.Ordinal));

        var memory = await Client().GetAsync("mem_1");

        Assert.Equal(["drinks"], memory.Topics);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), memory.CreatedAt);
        Assert.Equal("chat", memory.Metadata!["source"].GetString());
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("2024-01-02T03:04:05.123456", "2024-01-02T03:04:05.1234560+00:00")]
    [InlineData("2024-01-02T03:04:05", "2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("2024-01-02T03:04:05+02:00", "2024-01-02T03:04:05.0000000+02:00")]
    [InlineData("2024-01-02T03:04:05.5-07:30", "2024-01-02T03:04:05.5000000-07:30")]
    [InlineData("2024-01-02 03:04:05.25", "2024-01-02T03:04:05.2500000+00:00")]
    [InlineData("2024-01-02T03:04:05\\u002B01:00", "2024-01-02T03:04:05.0000000+01:00")]
    public async Task Timestamps_without_an_offset_are_read_as_UTC_and_offsets_are_kept(string wire, string expected)
    {
        Respond(200, $$"""{"memory_id":"m","user_id":"u","memory":"c","created_at":"{{wire}}","updated_at":null}""");

        var memory = await Client().GetAsync("m");

        Assert.Equal(expected, memory.CreatedAt!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(memory.UpdatedAt);
    }

    [Fact]
    public async Task A_timestamp_that_is_not_one_is_an_unexpected_body()
    {
        Respond(200, """{"memory_id":"m","user_id":"u","memory":"c","created_at":"yesterday"}""");

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client().GetAsync("m"));

        Assert.Contains("not the expected Memory JSON", error.Message);
    }

    [Fact]
    public async Task Metadata_of_any_json_arrives_exactly_as_sent()
    {
        const string Metadata = """{"n":1.50,"big":12345678901234567890,"deep":{"list":[true,null,"x",{"y":[]}]},"s":"é \" ☃"}""";
        Respond(200, $$"""{"memory_id":"m","user_id":"u","memory":"c","metadata":{{Metadata}}}""");

        var memory = await Client().GetAsync("m");

        Assert.Equal("1.50", memory.Metadata!["n"].GetRawText());
        Assert.Equal("12345678901234567890", memory.Metadata["big"].GetRawText());
        Assert.Equal("""{"list":[true,null,"x",{"y":[]}]}""", memory.Metadata["deep"].GetRawText());
        Assert.Equal("é \" ☃", memory.Metadata["s"].GetString());
    }

    [Theory]
    [InlineData("memories")]
    [InlineData("data")]
    public async Task List_reads_the_page_under_memories_as_documented_or_data_as_the_official_SDKs(string arrayName)
    {
        Respond(200, $$"""{"{{arrayName}}":[{{OperationCase.MemoryJson}}],"total_count":1,"next_cursor":"cur_2","has_more":true}""");

        var page = await Client().ListAsync();

        Assert.Equal("mem_1", Assert.Single(page.Memories).MemoryId);
        Assert.Equal("cur_2", page.NextCursor);
        Assert.True(page.HasMore);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task List_without_a_page_array_is_an_unexpected_body()
    {
        Respond(200, """{"total_count":0,"has_more":false}""");

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client().ListAsync());

        Assert.Contains("LIST memories", error.Message);
    }

    [Fact]
    public async Task List_reads_a_page_of_100_memories_of_64_KB_each()
    {
        var content = new string('é', 32 * 1024);
        var memories = string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"memory_id":"mem_{{i}}","user_id":"u","memory":"{{content}}"}"""));
        RespondRaw(200, $$"""{"memories":[{{memories}}],"total_count":100,"has_more":false}""", "application/json");

        var page = await Client().ListAsync(new MemoryListOptions { Limit = 100 });

        Assert.Equal(100, page.Memories.Count);
        Assert.All(page.Memories, m => Assert.Equal(content, m.Content));
    }

    [Fact]
    public async Task Search_reads_the_documented_response_and_any_retrieval_method()
    {
        Respond(200, $$"""{"memories":[{{OperationCase.MemoryJson}}],"total_results":7,"query":"tea?","retrieval_method":"agentic_hybrid"}""");

        var found = await Client().SearchAsync(new MemorySearchRequest { Query = "tea?" });

        Assert.Equal(7, found.TotalResults);
        Assert.Equal("tea?", found.Query);
        Assert.Equal(RetrievalMethod.AgenticHybrid, found.RetrievalMethod);
        Assert.Equal("agentic_hybrid", found.RetrievalMethod.ToString());
    }

    [Fact]
    public async Task Replace_returns_the_old_and_the_new_memory()
    {
        Respond(200, $$"""{"memory_id":"mem_1","message":"ok","old_memory":{{OperationCase.MemoryJson}},"new_memory":{{OperationCase.MemoryJson.Replace("likes tea", "likes coffee", StringComparison.Ordinal)}}}""");

        var replaced = await Client().ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = "likes coffee" });

        Assert.Equal("likes tea", replaced.OldMemory.Content);
        Assert.Equal("likes coffee", replaced.NewMemory.Content);
        Assert.Equal("ok", replaced.Message);
    }

    [Fact]
    public async Task GetIfExists_returns_null_only_on_404()
    {
        RespondInSequence(() => Json(200, OperationCase.MemoryJson), () => Json(404, """{"detail":"Memory not found"}"""), () => Json(403, """{"detail":"Not yours"}"""));
        var client = Client();

        Assert.Equal("mem_1", (await client.GetIfExistsAsync("mem_1"))!.MemoryId);
        Assert.Null(await client.GetIfExistsAsync("mem_1"));
        await Assert.ThrowsAsync<MieltoPermissionException>(() => client.GetIfExistsAsync("mem_1"));
    }

    [Fact]
    public async Task The_404_advice_fits_the_operation()
    {
        Respond(404, """{"detail":"Memory not found"}""");
        var client = NoRetries();

        var get = await Assert.ThrowsAsync<MemoryNotFoundException>(() => client.GetAsync("mem_1"));
        var update = await Assert.ThrowsAsync<MemoryNotFoundException>(() => client.UpdateAsync("mem_1", new MemoryUpdateRequest { Content = "x" }));
        var list = await Assert.ThrowsAsync<MieltoApiException>(() => client.ListAsync());

        Assert.Contains("GetIfExistsAsync returns null instead", get.Message);
        Assert.Contains("create it first", update.Message);
        Assert.Contains("Something the call names was not found; see the detail. If it names nothing of yours, check MieltoClientOptions.BaseAddress", list.Message);
    }

    [Fact]
    public async Task A_404_of_the_router_on_a_list_points_at_BaseAddress()
    {
        Respond(404, """{"detail":"Not Found"}""");

        var list = await Assert.ThrowsAsync<MieltoApiException>(() => NoRetries().ListAsync());

        Assert.Contains("no route of the Mielto API matches " + Wire.BaseAddress.ToString().TrimEnd('/') + "/api/v1/memories", list.Message);
        Assert.Contains("Check MieltoClientOptions.BaseAddress", list.Message);
    }

    public static TheoryData<string, string, string?> RouteNotFoundCases()
    {
        var cases = new TheoryData<string, string, string?>();
        foreach (var operation in OperationCase.All.Where(o => o.OnOne))
        {
            cases.Add(operation.Name, """{"detail":"Not Found"}""", "application/json");
            cases.Add(operation.Name, "<html><body>404 Not Found</body></html>", "text/html");
            cases.Add(operation.Name, string.Empty, null);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RouteNotFoundCases))]
    public async Task A_404_that_names_no_resource_is_not_a_missing_memory_and_points_at_BaseAddress(string name, string body, string? contentType)
    {
        var operation = OperationCase.Named(name);
        RespondRaw(404, body, contentType);

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => operation.Invoke(AllNoRetries(), null));

        Assert.Equal(typeof(MieltoApiException), error.GetType());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("no route of the Mielto API matches " + Wire.BaseAddress.ToString().TrimEnd('/') + operation.Prefix, error.Message);
        Assert.Contains("Check MieltoClientOptions.BaseAddress", error.Message);
        Assert.DoesNotContain("does not exist", error.Message);
    }

    [Theory]
    [InlineData("""{"detail":"Not Found"}""")]
    [InlineData("")]
    public async Task GetIfExists_and_DeleteIfExists_throw_on_a_404_that_names_no_resource(string body)
    {
        RespondRaw(404, body, body.Length == 0 ? null : "application/json");
        var client = NoRetries();

        await Assert.ThrowsAsync<MieltoApiException>(() => client.GetIfExistsAsync("mem_1"));
        await Assert.ThrowsAsync<MieltoApiException>(() => client.DeleteIfExistsAsync("mem_1"));
    }

    [Theory]
    [InlineData("""{"detail":"Memory not found"}""")]
    [InlineData("""{"detail":"Not Found","error_code":"MEMORY_NOT_FOUND"}""")]
    [InlineData("""{"detail":"not found"}""")]
    public async Task A_404_that_is_the_APIs_answer_about_the_memory_is_a_missing_memory(string body)
    {
        RespondRaw(404, body, "application/json");
        var client = NoRetries();

        Assert.Null(await client.GetIfExistsAsync("mem_1"));
        Assert.False(await client.DeleteIfExistsAsync("mem_1"));
        await Assert.ThrowsAsync<MemoryNotFoundException>(() => client.GetAsync("mem_1"));
    }

    [Fact]
    public async Task Models_serialize_back_to_the_APIs_snake_case_object()
    {
        Respond(200, OperationCase.MemoryJson);

        var memory = await Client().GetAsync("mem_1");
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(memory, global::Mielto.Client.Http.MieltoJsonContext.Wire.Memory));

        Assert.Equal(["memory_id", "user_id", "memory", "topics", "created_at", "updated_at", "metadata"], written.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
