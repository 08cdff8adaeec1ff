using System.Net;
using System.Text.Json;
using Mielto.Client.Sample;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Sample;

/// <summary>The sample tool's command per operation, run in-process against the stand-in: output, JSON and exit codes.</summary>
[Collection(StandInCollection.Name)]
public sealed class SampleOperationTests(StandInFixture fixture) : StandInTest(fixture)
{
    private Task<SampleRun> RunAsync(params string[] args) =>
        SampleRun.RunAsync([args[0], "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, .. args[1..]]);

    [Fact]
    public async Task Create_creates_the_memory_and_shows_it()
    {
        var run = await RunAsync("create", "likes jazz", "--user-id", "user_1", "--topic", "music", "--topic", "evening", "--type", "agent", "--metadata", """{"source":"chat","n":2}""");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var stored = Assert.Single(Server.Memories);
        Assert.Equal(("likes jazz", "agent", "chat"), (stored.Content, stored.MemoryType, stored.Metadata!["source"].GetString()));
        Assert.Equal(["music", "evening"], stored.Topics!);
        Assert.StartsWith($"created {stored.MemoryId}", run.Out, StringComparison.Ordinal);
        Assert.Contains("  topics: music, evening", run.Out);
        Assert.Contains("""  metadata: {"source":"chat","n":2}""", run.Out);
    }

    [Fact]
    public async Task Create_refuses_metadata_that_is_not_a_json_object_with_exit_code_1()
    {
        var run = await RunAsync("create", "x", "--user-id", "user_1", "--metadata", "[1,2]");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--metadata must be a JSON object", run.Error);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Get_writes_the_apis_own_object_with_json_and_exit_code_2_when_not_found()
    {
        Server.AddMemory("mem_1", "user_1", content: "likes tea", topics: ["drinks"]);

        var found = await RunAsync("get", "mem_1", "--json");
        var missing = await RunAsync("get", "missing");

        Assert.Equal(ExitCodes.Success, found.ExitCode);
        using var json = JsonDocument.Parse(found.Out);
        Assert.Equal(["memory_id", "user_id", "memory", "topics", "created_at", "updated_at"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("likes tea", json.RootElement.GetProperty("memory").GetString());
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.StartsWith("Mielto refused GET memory 'missing': 404 Not Found: \"Memory not found\".", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_follows_every_page_and_writes_json_lines()
    {
        for (var i = 0; i < 5; i++)
        {
            Server.AddMemory($"mem_{i}", "user_1");
        }

        Server.AddMemory("other", "user_2");

        var run = await RunAsync("list", "--user-id", "user_1", "--limit", "2", "--sort-by", "memory_id", "--order", "asc", "--json");
        var capped = await RunAsync("list", "--max", "3", "--limit", "2");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"mem_{i}"), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("memory_id").GetString()));
        Assert.Equal(3 + 2, Server.Requests.Count);
        Assert.Contains("3 memories", capped.Error);
    }

    [Fact]
    public async Task List_refuses_an_order_other_than_asc_or_desc()
    {
        var run = await RunAsync("list", "--order", "sideways");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Search_shows_what_was_found()
    {
        Server.AddMemory("mem_tea", "user_1", content: "likes green tea");
        Server.AddMemory("mem_paris", "user_1", content: "Paris in May");

        var run = await RunAsync("search", "tea", "--user-id", "user_1", "--method", "keyword");
        var json = await RunAsync("search", "tea", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("1 found for \"tea\" (keyword)", run.Out, StringComparison.Ordinal);
        Assert.Contains("likes green tea", run.Out);
        Assert.Equal(1, JsonDocument.Parse(json.Out).RootElement.GetProperty("total_results").GetInt32());
    }

    [Fact]
    public async Task Update_sends_only_what_is_given_and_refuses_an_empty_update()
    {
        Server.AddMemory("mem_1", "user_1", content: "likes tea", topics: ["drinks"]);

        var cleared = await RunAsync("update", "mem_1", "--clear-topics", "--user-id", "user_1");
        var empty = await RunAsync("update", "mem_1");

        Assert.Equal(ExitCodes.Success, cleared.ExitCode);
        Assert.Equal("""{"user_id":"user_1","topics":[]}""", Assert.Single(Server.Requests).Body);
        Assert.Equal(("likes tea", 0), (Server.FindMemory("mem_1")!.Content, Server.FindMemory("mem_1")!.Topics!.Count));
        Assert.Equal(ExitCodes.Validation, empty.ExitCode);
        Assert.Contains("sets nothing", empty.Error);
    }

    [Fact]
    public async Task Replace_shows_the_memory_before_and_after()
    {
        Server.AddMemory("mem_1", "user_1", content: "likes tea");

        var run = await RunAsync("replace", "mem_1", "likes coffee", "--topic", "drinks");
        var foreign = await RunAsync("replace", "mem_1", "x", "--user-id", "user_2");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches("(?s)replaced mem_1; it was:.*likes tea.*it is now:.*likes coffee", run.Out);
        Assert.Equal("likes coffee", Server.FindMemory("mem_1")!.Content);
        Assert.Equal(ExitCodes.AuthOrPermission, foreign.ExitCode);
    }

    [Fact]
    public async Task Every_command_maps_aServer_failure_to_its_exit_code()
    {
        Server.FailNext(10, HttpStatusCode.ServiceUnavailable);

        var run = await RunAsync("search", "tea");

        Assert.Equal(ExitCodes.ServerOrTransport, run.ExitCode);
        Assert.StartsWith("Mielto refused SEARCH memories: 503", run.Error, StringComparison.Ordinal);
    }
}
