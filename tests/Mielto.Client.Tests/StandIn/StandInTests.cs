using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Mielto.Client.Testing;

namespace Mielto.Client.Tests.StandIn;

/// <summary>One stand-in for the collection, with a client of fast retries pointed at it.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    public MieltoTestServer Server { get; private set; } = null!;

    public MieltoClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await MieltoTestServer.StartAsync(o => o.AdditionalWorkspaceIds.Add("wsp_team"));
        Client = Server.CreateClient(o => o.RetryDelay = TimeSpan.FromMilliseconds(1));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StandInCollection : ICollectionFixture<StandInFixture>
{
    public const string Name = "StandIn";
}

/// <summary>The stand-in's rules and faults, driven through the real SDK (and raw HTTP where the SDK cannot go).</summary>
[Collection(StandInCollection.Name)]
public sealed class StandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    [Fact]
    public async Task Deleting_an_owned_memory_removes_it_and_answers_200()
    {
        Server.AddMemory("mem_1", "user_1", content: "likes tea", topics: ["drinks"]);
        Server.AddMemory("mem_2", "user_1");

        var result = await Memories.DeleteAsync("mem_1", userId: "user_1");

        Assert.Equal(new MemoryDeleteResponse("mem_1", "Memory deleted successfully"), result);
        Assert.Equal(["mem_2"], Server.Memories.Select(m => m.MemoryId));
        var request = Assert.Single(Server.Requests);
        Assert.Equal(("DELETE", "/api/v1/memories/mem_1", "?user_id=user_1", 200), (request.Method, request.RawPath, request.RawQuery, request.StatusCode));
        Assert.Equal("Bearer ***", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_call_without_user_id_deletes_with_the_keys_authority()
    {
        Server.AddMemory("mem_1", "user_1");

        Assert.True(await Memories.DeleteIfExistsAsync("mem_1"));
        Assert.Empty(Server.Memories);
    }

    [Fact]
    public async Task Another_users_memory_is_refused_with_403_and_kept()
    {
        Server.AddMemory("mem_1", "user_1");

        var error = await Assert.ThrowsAsync<MieltoPermissionException>(() => Memories.DeleteAsync("mem_1", userId: "user_2"));

        Assert.Equal("Only the memory owner can delete this memory", error.Detail);
        Assert.NotNull(Server.FindMemory("mem_1"));
    }

    [Fact]
    public async Task A_missing_memory_is_404_with_a_detail()
    {
        var error = await Assert.ThrowsAsync<MemoryNotFoundException>(() => Memories.DeleteAsync("mem_404"));

        Assert.Equal("Memory not found", error.Detail);
        Assert.False(await Memories.DeleteIfExistsAsync("mem_404"));
    }

    [Fact]
    public async Task A_wrong_base_path_is_never_read_as_a_missing_memory()
    {
        Server.AddMemory("mem_1", "user_1");
        using var typo = Server.CreateClient(o => o.BaseAddress = new Uri(Server.BaseAddress, "typo/"));

        var get = await Assert.ThrowsAsync<MieltoApiException>(() => typo.Memories.GetIfExistsAsync("mem_1"));
        var delete = await Assert.ThrowsAsync<MieltoApiException>(() => typo.Memories.DeleteIfExistsAsync("mem_1"));

        Assert.Equal(typeof(MieltoApiException), get.GetType());
        Assert.Equal("Not Found", get.Detail);
        Assert.Contains("/typo/api/v1/memories/mem_1", get.Message);
        Assert.Contains("Check MieltoClientOptions.BaseAddress", delete.Message);
        Assert.NotNull(Server.FindMemory("mem_1"));
    }

    [Fact]
    public async Task A_wrong_api_key_is_401_with_a_detail()
    {
        Server.AddMemory("mem_1", "user_1");
        using var client = Server.CreateClient(o => o.ApiKey = "mk_wrong");

        var error = await Assert.ThrowsAsync<MieltoAuthenticationException>(() => client.Memories.DeleteAsync("mem_1"));

        Assert.Equal("Invalid or missing API key", error.Detail);
        Assert.Single(Server.Memories);
    }

    [Fact]
    public async Task The_key_is_accepted_as_bearer_or_X_API_Key_and_required()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.AddMemory("mem_2", "user_1");
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        using var none = await http.DeleteAsync(new Uri("api/v1/memories/mem_1", UriKind.Relative));
        using var withHeader = new HttpRequestMessage(HttpMethod.Delete, "api/v1/memories/mem_1") { Headers = { { "X-API-Key", Server.ApiKey } } };
        using var viaApiKey = await http.SendAsync(withHeader);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaApiKey.StatusCode);
        Assert.Equal("***", Server.Requests[1].Headers["X-API-Key"]);
    }

    [Fact]
    public async Task A_memory_is_only_visible_in_its_workspace()
    {
        Server.AddMemory("mem_1", "user_1", workspaceId: "wsp_team");

        await Assert.ThrowsAsync<MemoryNotFoundException>(() => Memories.DeleteAsync("mem_1"));
        await Memories.DeleteAsync("mem_1", workspaceId: "wsp_team");

        Assert.Empty(Server.Memories);
        Assert.Equal([null, "wsp_team"], Server.Requests.Select(r => r.Headers.GetValueOrDefault("X-Workspace-Id")));
    }

    [Fact]
    public async Task A_workspace_the_key_cannot_access_is_403()
    {
        var error = await Assert.ThrowsAsync<MieltoPermissionException>(() => Memories.DeleteAsync("mem_1", workspaceId: "wsp_other"));

        Assert.Equal("The API key has no access to workspace 'wsp_other'", error.Detail);
    }

    [Fact]
    public async Task Over_long_input_is_422_in_FastAPIs_shape()
    {
        var error = await Assert.ThrowsAsync<MemoryValidationException>(() => Memories.DeleteAsync(new string('m', 300), userId: new string('u', 300)));

        Assert.Equal(
            [(["path", "memory_id"], "string_too_long"), (["query", "user_id"], "string_too_long")],
            error.Errors.Select(e => (e.Location.ToArray(), e.Type)));
    }

    [Fact]
    public async Task Ids_are_matched_exactly_as_sent()
    {
        Server.AddMemory("a/b ?#%+é", "user_1");
        Server.AddMemory("a", "user_1");

        await Memories.DeleteAsync("a/b ?#%+é");

        Assert.Equal(["a"], Server.Memories.Select(m => m.MemoryId));
        Assert.Equal("/api/v1/memories/a%2Fb%20%3F%23%25%2B%C3%A9", Assert.Single(Server.Requests).RawPath);
    }

    [Fact]
    public async Task Other_routes_and_methods_answer_as_FastAPI_does()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.ApiKey);

        using var unknown = await http.DeleteAsync(new Uri("api/v1/other/x", UriKind.Relative));
        using var deeper = await http.GetAsync(new Uri("api/v1/memories/x/y", UriKind.Relative));
        using var patch = await http.PatchAsync(new Uri("api/v1/memories/x", UriKind.Relative), null);
        using var post = await http.PostAsync(new Uri("api/v1/memories/x", UriKind.Relative), null);
        using var deleteAll = await http.DeleteAsync(new Uri("api/v1/memories", UriKind.Relative));
        using var getReplace = await http.GetAsync(new Uri("api/v1/memories/x/replace", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, deeper.StatusCode);
        Assert.Equal(
            [HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed],
            new[] { patch, post, deleteAll, getReplace }.Select(r => r.StatusCode));
        Assert.Equal("""{"detail":"Method Not Allowed"}""", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailNext_answers_the_next_calls_with_the_status_and_the_sdk_retries_them()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.FailNext(2, HttpStatusCode.ServiceUnavailable);

        await Memories.DeleteAsync("mem_1");

        Assert.Equal([503, 503, 200], Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task FailNext_sends_Retry_After()
    {
        Server.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7));
        using var client = Server.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MieltoRateLimitException>(() => client.Memories.DeleteAsync("mem_1"));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task DelayNext_holds_a_call_long_enough_for_the_sdk_to_time_it_out()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.DelayNext(1, TimeSpan.FromSeconds(5));
        using var client = Server.CreateClient(o =>
        {
            // Long enough for the retry to be answered in time on a loaded machine.
            o.Timeout = TimeSpan.FromSeconds(1);
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        });

        var watch = Stopwatch.StartNew();
        await client.Memories.DeleteAsync("mem_1");

        // A timer may end a clock tick early, and a loaded machine runs late: room on both sides of the 1 s attempt.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(970), TimeSpan.FromSeconds(4.9));
        Assert.Empty(Server.Memories);
    }

    [Fact]
    public async Task DropNext_breaks_the_connection_and_the_sdk_retries()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.DropNext(1);

        await Memories.DeleteAsync("mem_1");

        Assert.Equal([0, 200], Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task DropNext_beyond_the_retries_ends_in_a_connection_exception()
    {
        Server.DropNext(3);
        using var client = Server.CreateClient(o =>
        {
            o.MaxRetries = 2;
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        });

        await Assert.ThrowsAsync<MieltoConnectionException>(() => client.Memories.DeleteAsync("mem_1"));
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_deletes_through_one_client_each_delete_their_own_memory()
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"mem_{i}").ToArray();
        foreach (var id in ids)
        {
            Server.AddMemory(id, "user_1");
        }

        Server.AddMemory("keep", "user_1");
        using var gate = new SemaphoreSlim(64);
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                return await Memories.DeleteAsync(id, userId: "user_1");
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(ids, results.Select(r => r.MemoryId));
        Assert.Equal(["keep"], Server.Memories.Select(m => m.MemoryId));
    }

    [Fact]
    public async Task Reset_forgets_memories_requests_and_faults()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.FailNext(5, HttpStatusCode.InternalServerError);
        using (var client = Server.CreateClient(o => o.MaxRetries = 0))
        {
            await Assert.ThrowsAsync<MieltoServerException>(() => client.Memories.DeleteAsync("mem_1"));
        }

        Server.Reset();

        Assert.Empty(Server.Memories);
        Assert.Empty(Server.Requests);
        await Assert.ThrowsAsync<MemoryNotFoundException>(() => Memories.DeleteAsync("mem_1"));
    }

    [Fact]
    public async Task Latency_is_added_before_every_answer_and_cannot_be_negative()
    {
        await using var slow = await MieltoTestServer.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        slow.AddMemory("mem_1", "user_1", content: "likes tea");
        using var client = slow.CreateClient();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.Memories.GetAsync("mem_1");
        await client.Memories.DeleteAsync("mem_1");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"two answers took {watch.Elapsed}");
        await Assert.ThrowsAsync<ArgumentException>(() => MieltoTestServer.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(-1)));
    }
}
