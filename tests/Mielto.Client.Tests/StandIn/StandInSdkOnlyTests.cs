using System.Net;
using System.Net.Http.Headers;
using Mielto.Client.Testing;

namespace Mielto.Client.Tests.StandIn;

/// <summary>The stand-in's operations known only from the official SDKs, and its rate limit mode.</summary>
[Collection(StandInCollection.Name)]
public sealed class StandInSdkOnlyTests(StandInFixture fixture) : StandInTest(fixture)
{
    [Fact]
    public async Task From_messages_creates_one_memory_per_user_message()
    {
        var created = await Memories.CreateFromMessagesAsync(new MemoryFromMessagesRequest
        {
            UserId = "user_1",
            Messages =
            [
                new MemoryMessage { Role = "user", Content = "I drink green tea" },
                new MemoryMessage { Role = "assistant", Content = "Noted." },
                new MemoryMessage { Role = "User", Content = "and I live in Lyon" },
            ],
        });

        Assert.Equal(2, created.MemoriesCreated);
        Assert.Equal(created.MemoryIds.Order(StringComparer.Ordinal), Server.Memories.Select(m => m.MemoryId));
        Assert.Equal(["I drink green tea", "and I live in Lyon"], Server.Memories.OrderBy(m => m.Content.Length).Select(m => m.Content));
        Assert.All(Server.Memories, m => Assert.Equal("user_1", m.UserId));
    }

    [Fact]
    public async Task From_messages_answers_422_for_a_message_without_content()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.ApiKey);

        using var response = await http.PostAsync(new Uri("api/v1/memories/from_messages", UriKind.Relative), new StringContent("""{"user_id":"u","messages":[{"role":"user"}]}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("""["body","messages",0,"content"]""", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunks_are_one_per_memory_with_a_deterministic_embedding_only_when_asked()
    {
        for (var i = 0; i < 5; i++)
        {
            Server.AddMemory($"mem_{i}", "user_1", content: $"content {i}");
        }

        Server.AddMemory("other", "user_2", content: "content 3");

        var all = await Memories.ListAllChunksAsync(new MemoryChunkListOptions { UserId = "user_1", Limit = 2, IncludeEmbedding = true }).ToListAsync();
        var plain = await Memories.ListChunksAsync(new MemoryChunkListOptions { UserId = "user_1" });

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"chunk_mem_{i}"), all.Select(c => c.Id));
        Assert.Equal("content 3", all[3].Content);
        Assert.Equal("mem_3", all[3].ContentId);
        Assert.All(all, c => Assert.Equal(8, c.Embedding!.Value.Length));
        var again = await Memories.ListChunksAsync(new MemoryChunkListOptions { UserId = "user_2", IncludeEmbedding = true });
        Assert.Equal(all[3].Embedding!.Value.ToArray(), Assert.Single(again.Chunks).Embedding!.Value.ToArray());
        Assert.NotEqual(all[2].Embedding!.Value.ToArray(), all[3].Embedding!.Value.ToArray());
        Assert.Equal(1f, MathF.Sqrt(all[0].Embedding!.Value.ToArray().Sum(v => v * v)), 4);
        Assert.All(plain.Chunks, c => Assert.Null(c.Embedding));
        Assert.Equal(5, plain.Chunks.Count);
    }

    [Fact]
    public async Task The_embedding_dimension_is_configurable()
    {
        await using var server = await MieltoTestServer.StartAsync(o => o.EmbeddingDimensions = 1536);
        server.AddMemory("mem_1", "user_1", content: "likes tea");
        using var client = server.CreateClient();

        var page = await client.Memories.ListChunksAsync(new MemoryChunkListOptions { IncludeEmbedding = true });

        Assert.Equal(1536, Assert.Single(page.Chunks).Embedding!.Value.Length);
    }

    [Fact]
    public async Task The_profile_is_the_newest_memory_with_the_topic_profile()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Server.AddMemory("old", "user_1", content: "Ada, engineer", topics: ["profile"], createdAt: start);
        Server.AddMemory("new", "user_1", content: "Ada, engineer in Lyon", topics: ["Profile"], metadata: new Dictionary<string, System.Text.Json.JsonElement> { ["city"] = System.Text.Json.JsonSerializer.SerializeToElement("Lyon") }, createdAt: start.AddDays(1));
        Server.AddMemory("other", "user_2", topics: ["profile"], createdAt: start.AddDays(2));

        var profile = await Memories.GetProfileAsync("user_1");
        var none = await Memories.GetProfileAsync("user_3");

        Assert.Equal(("user_1", "new"), (profile.UserId, profile.Profile!.MemoryId));
        Assert.Equal("Lyon", profile.StructuredProfile!.Value.GetProperty("city").GetString());
        Assert.Null(none.Profile);
        Assert.Null(none.StructuredProfile);
    }

    [Fact]
    public async Task The_rate_limit_answers_429_with_Retry_After_beyond_N_requests_a_second_per_key()
    {
        await using var server = await MieltoTestServer.StartAsync(o => o.RateLimit = 3);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", server.ApiKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync(new Uri("api/v1/memories", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
