using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace Mielto.Client.Tests;

/// <summary>The operations known only from the official SDKs: their requests, their response variants, their marking.</summary>
[Collection(RequestsCollection.Name)]
public sealed class ExperimentalOperationTests(WireServer wire) : WireTest(wire)
{
    private WireMock.Logging.ILogEntry Sent() => Assert.Single(Wire.Requests);

    [Theory]
    [InlineData(nameof(IMemoriesClient.CreateFromMessagesAsync))]
    [InlineData(nameof(IMemoriesClient.ListChunksAsync))]
    [InlineData(nameof(IMemoriesClient.ListAllChunksAsync))]
    [InlineData(nameof(IMemoriesClient.GetProfileAsync))]
    public void Each_is_marked_experimental_as_MIELTO001(string method)
    {
        foreach (var type in new[] { typeof(IMemoriesClient), typeof(MemoriesClient) })
        {
            Assert.Equal("MIELTO001", type.GetMethod(method)!.GetCustomAttribute<ExperimentalAttribute>()!.DiagnosticId);
        }

        foreach (var model in new[] { typeof(MemoryMessage), typeof(MemoryFromMessagesRequest), typeof(MemoryFromMessagesResponse), typeof(MemoryChunkListOptions), typeof(MemoryChunk), typeof(MemoryChunkPage), typeof(MemoryProfile) })
        {
            Assert.Equal(MieltoDiagnostics.Experimental, model.GetCustomAttribute<ExperimentalAttribute>()!.DiagnosticId);
        }
    }

    [Fact]
    public async Task From_messages_posts_the_conversation_and_reads_result_as_an_object()
    {
        Respond(200, """{"message":"Memories created successfully from messages","result":{"memories_created":2,"memory_ids":["m1","m2"]}}""");

        var created = await Client().CreateFromMessagesAsync(new MemoryFromMessagesRequest
        {
            UserId = "user_1",
            Messages = [new MemoryMessage { Role = "user", Content = "I like tea" }, new MemoryMessage { Role = "assistant", Content = "Noted ☃" }],
            AgentId = "agent_1",
        });

        var request = Sent();
        Assert.Equal("POST", request.RequestMessage!.Method);
        Assert.Equal("/api/v1/memories/from_messages", request.RawTarget());
        Assert.Equal("""{"messages":[{"role":"user","content":"I like tea"},{"role":"assistant","content":"Noted ☃"}],"user_id":"user_1","agent_id":"agent_1"}""", request.RequestMessage.Body);
        Assert.Equal(("Memories created successfully from messages", 2), (created.Message, created.MemoriesCreated));
        Assert.Equal(["m1", "m2"], created.MemoryIds);
    }

    [Theory]
    [InlineData($$"""{"message":"ok","result":[{{OperationCase.MemoryJson}}]}""", 1, new[] { "mem_1" })]
    [InlineData("""{"message":"ok"}""", 0, new string[0])]
    [InlineData("""{"message":"ok","result":null}""", 0, new string[0])]
    [InlineData("""{"result":{"memory_ids":["a","b","c"]}}""", 3, new[] { "a", "b", "c" })]
    public async Task From_messages_reads_result_as_an_array_of_memories_or_absent(string body, int count, string[] ids)
    {
        Respond(200, body);

        var created = await Client().CreateFromMessagesAsync(new MemoryFromMessagesRequest { UserId = "u", Messages = [] });

        Assert.Equal(count, created.MemoriesCreated);
        Assert.Equal(ids, created.MemoryIds);
    }

    [Theory]
    [InlineData("""{"message":"ok","result":"done"}""")]
    [InlineData("""{"message":"ok","result":[{"memory_id":"m"}]}""")]
    [InlineData("[]")]
    public async Task From_messages_reports_a_result_of_no_known_shape(string body)
    {
        Respond(200, body);

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client().CreateFromMessagesAsync(new MemoryFromMessagesRequest { UserId = "u", Messages = [] }));

        Assert.Contains("CREATE memories from messages", error.Message);
    }

    [Fact]
    public async Task From_messages_is_not_retried_after_a_5xx_but_is_after_a_429()
    {
        RespondInSequence(() => Json(503, "{}"), () => Json(429, "{}").WithHeader("Retry-After", "0"), () => Json(200, """{"message":"ok"}"""));
        var client = Client();
        var request = new MemoryFromMessagesRequest { UserId = "u", Messages = [new MemoryMessage { Role = "user", Content = "x" }] };

        await Assert.ThrowsAsync<MieltoServerException>(() => client.CreateFromMessagesAsync(request));
        await client.CreateFromMessagesAsync(request);

        Assert.Equal(3, Wire.Requests.Count);
    }

    public static TheoryData<MemoryFromMessagesRequest> InvalidConversations => new()
    {
        new MemoryFromMessagesRequest { UserId = null!, Messages = [] },
        new MemoryFromMessagesRequest { UserId = "u", Messages = null! },
        new MemoryFromMessagesRequest { UserId = "u", Messages = [null!] },
        new MemoryFromMessagesRequest { UserId = "u", Messages = [new MemoryMessage { Role = "user", Content = null! }] },
        new MemoryFromMessagesRequest { UserId = "u", Messages = [new MemoryMessage { Role = "user", Content = "\ud800" }] },
    };

    [Theory]
    [MemberData(nameof(InvalidConversations))]
    public async Task From_messages_refuses_a_conversation_that_cannot_be_sent(MemoryFromMessagesRequest request)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateFromMessagesAsync(request));

        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Chunks_sends_only_the_options_set_and_reads_the_embedding_as_floats()
    {
        var vector = Enumerable.Range(0, 1536).Select(i => (float)Math.Sin(i) / 3).ToArray();
        var embedding = string.Join(",", vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        Respond(200, $$"""{"data":[{"id":"c1","content":"likes tea","content_id":"mem_1","collection_id":null,"workspace_id":"wsp","name":"n","embedding":[{{embedding}}],"metadata":{"k":1},"created_at":"2024-01-02T03:04:05"}],"total_count":1,"next_cursor":"n2","has_more":true}""");
        var client = Client();

        var page = await client.ListChunksAsync(new MemoryChunkListOptions { UserId = "user 1", Limit = 5, Cursor = "c/1", IncludeEmbedding = true });
        await client.ListChunksAsync(new MemoryChunkListOptions());

        Assert.Equal(
            ["/api/v1/memories/chunks?user_id=user%201&limit=5&cursor=c%2F1&include_embedding=true", "/api/v1/memories/chunks"],
            Wire.Requests.Select(r => r.RawTarget()));
        var chunk = Assert.Single(page.Chunks);
        Assert.Equal(("c1", "likes tea", "mem_1", "wsp", "n"), (chunk.Id, chunk.Content, chunk.ContentId, chunk.WorkspaceId, chunk.Name));
        Assert.Equal(vector, chunk.Embedding!.Value.ToArray());
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), chunk.CreatedAt);
        Assert.Equal(("n2", true, 1), (page.NextCursor, page.HasMore, page.TotalCount));
    }

    [Fact]
    public async Task Chunks_without_an_embedding_read_as_null_and_a_page_without_data_is_unexpected()
    {
        RespondInSequence(() => Json(200, """{"data":[{"id":"c1","content":"x"}]}"""), () => Json(200, """{"chunks":[]}"""));
        var client = Client();

        var page = await client.ListChunksAsync(new MemoryChunkListOptions());
        var error = await Assert.ThrowsAsync<MieltoException>(() => client.ListChunksAsync(new MemoryChunkListOptions()));

        Assert.Null(Assert.Single(page.Chunks).Embedding);
        Assert.Contains("LIST memory chunks", error.Message);
    }

    [Fact]
    public async Task All_chunks_follow_the_cursors_and_stop_on_a_repeated_one()
    {
        Wire.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/memories/chunks").WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(Json(200, """{"data":[{"id":"c1","content":"a"}],"next_cursor":"p2","has_more":true}"""));
        Wire.Server.Given(Request.Create().UsingGet().WithParam("cursor", "p2"))
            .RespondWith(Json(200, """{"data":[{"id":"c2","content":"b"}],"next_cursor":"p2","has_more":true}"""));
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<MieltoException>(async () =>
        {
            await foreach (var chunk in Client().ListAllChunksAsync(new MemoryChunkListOptions { Limit = 1 }))
            {
                seen.Add(chunk.Id);
            }
        });

        Assert.Equal(["c1", "c2"], seen);
        Assert.Contains("LIST memory chunks: the server returned the cursor 'p2' a second time", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Chunks_refuse_a_limit_outside_1_to_100(int limit)
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListChunksAsync(new MemoryChunkListOptions { Limit = limit }));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListAllChunksAsync(new MemoryChunkListOptions { Limit = limit }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ListChunksAsync(null!));

        Assert.Empty(Wire.Arrivals);
    }

    [Fact]
    public async Task Profile_gets_the_users_profile_memory_and_structured_profile()
    {
        Respond(200, $$$"""{"user_id":"user_1","profile":{{{OperationCase.MemoryJson}}},"structured_profile":{"name":"Ada","likes":["tea"]}}""");

        var profile = await Client().GetProfileAsync("user 1");

        Assert.Equal("/api/v1/memories/profile?user_id=user%201", Sent().RawTarget());
        Assert.Equal(("user_1", "mem_1"), (profile.UserId, profile.Profile!.MemoryId));
        Assert.Equal("Ada", profile.StructuredProfile!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Profile_may_be_empty()
    {
        Respond(200, """{"user_id":"user_1","profile":null,"structured_profile":null}""");

        var profile = await Client().GetProfileAsync("user_1");

        Assert.Null(profile.Profile);
        Assert.Null(profile.StructuredProfile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Profile_refuses_a_missing_user_id(string? userId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Client().GetProfileAsync(userId!));

        Assert.Empty(Wire.Arrivals);
    }
}
