using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.AI;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.AI;

/// <summary>
/// The memory tools through Microsoft.Extensions.AI's <see cref="FunctionInvokingChatClient"/>, driven by a scripted
/// model, against the stand-in: no model and no network.
/// </summary>
[Collection(StandInCollection.Name)]
public sealed class MemoryToolsTests(StandInFixture fixture) : StandInTest(fixture)
{
    private static async Task<ScriptedChatClient> ChatAsync(IList<AITool> tools, params ChatMessage[] script)
    {
        var model = new ScriptedChatClient(script);
        using var chat = new FunctionInvokingChatClient(model);
        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], new ChatOptions { Tools = tools });
        return model;
    }

    private static ChatMessage Call(string id, string tool, Dictionary<string, object?> arguments) => ScriptedChatClient.ToolCall(id, tool, arguments);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public async Task Add_then_search_finds_the_memory()
    {
        var tools = new MieltoMemoryTools(Memories).For("user_1");

        var model = await ChatAsync(
            tools,
            Call("c1", MieltoMemoryTools.AddMemory, new() { ["content"] = Json("\"Ada prefers green tea\""), ["topics"] = Json("[\"drinks\"]") }),
            Call("c2", MieltoMemoryTools.SearchMemories, new() { ["query"] = Json("\"what tea does she like\""), ["limit"] = Json("3") }));

        var results = model.ToolResults();
        var stored = Assert.Single(Server.Memories);
        Assert.Equal(("user_1", "Ada prefers green tea"), (stored.UserId, stored.Content));
        Assert.Equal($$"""{"status":"stored","memory_id":"{{stored.MemoryId}}"}""", model.Calls.ElementAt(1).Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result);
        using var found = JsonDocument.Parse(results["c2"]);
        var memory = Assert.Single(found.RootElement.GetProperty("memories").EnumerateArray());
        Assert.Equal(["id", "content", "topics", "date"], memory.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Ada prefers green tea", memory.GetProperty("content").GetString());
    }

    [Fact]
    public async Task No_tool_has_a_user_or_workspace_parameter_and_extra_arguments_cannot_reach_another_user()
    {
        Server.AddMemory("theirs", "user_2", content: "secret plans of user two");
        var tools = new MieltoMemoryTools(Memories, new MieltoMemoryToolsOptions { AllowDelete = true }).For("user_1");

        var model = await ChatAsync(
            tools,
            Call("c1", MieltoMemoryTools.SearchMemories, new() { ["query"] = "secret plans", ["user_id"] = "user_2", ["userId"] = "user_2", ["workspace_id"] = "wsp_other" }),
            Call("c2", MieltoMemoryTools.AddMemory, new() { ["content"] = "planted", ["user_id"] = "user_2" }),
            Call("c3", MieltoMemoryTools.ListMemories, new() { ["user_id"] = "user_2" }),
            Call("c4", MieltoMemoryTools.DeleteMemory, new() { ["memory_id"] = "theirs", ["user_id"] = "user_2" }));

        foreach (var tool in tools.Cast<AIFunction>())
        {
            var properties = tool.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.DoesNotContain(properties, p => p.Contains("user", StringComparison.OrdinalIgnoreCase) || p.Contains("workspace", StringComparison.OrdinalIgnoreCase));
            Assert.False(tool.JsonSchema.GetProperty("additionalProperties").GetBoolean());
        }

        var results = model.ToolResults();
        Assert.DoesNotContain("secret", results["c1"], StringComparison.Ordinal);
        Assert.DoesNotContain("secret", results["c3"], StringComparison.Ordinal);
        Assert.Contains("not_allowed", results["c4"], StringComparison.Ordinal);
        Assert.Equal("user_1", Server.Memories.Single(m => m.Content == "planted").UserId);
        Assert.NotNull(Server.FindMemory("theirs"));
        Assert.All(Server.Requests.Where(r => r.Operation is MieltoOperation.Search or MieltoOperation.Create), r => Assert.Contains("\"user_id\":\"user_1\"", r.Body, StringComparison.Ordinal));
        Assert.All(Server.Requests, r => Assert.False(r.Headers.ContainsKey("X-Workspace-Id")));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "rate_limited")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "unavailable")]
    [InlineData(HttpStatusCode.Unauthorized, "not_allowed")]
    public async Task A_failure_reaches_the_model_as_a_short_message_and_never_throws(HttpStatusCode status, string code)
    {
        Server.FailNext(20, status, TimeSpan.Zero);
        var tools = new MieltoMemoryTools(Memories).For("user_1");

        var model = await ChatAsync(tools, Call("c1", MieltoMemoryTools.SearchMemories, new() { ["query"] = "tea" }));

        var result = model.ToolResults()["c1"];
        using var json = JsonDocument.Parse(result);
        Assert.Equal(code, json.RootElement.GetProperty("error").GetString());
        Assert.True(result.Length < 150, result);
        Assert.DoesNotContain(Server.ApiKey, result, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Mielto refused", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_the_tool_cannot_use_get_a_message_of_our_own()
    {
        var tools = new MieltoMemoryTools(Memories).For("user_1");

        var model = await ChatAsync(
            tools,
            Call("c1", MieltoMemoryTools.SearchMemories, new() { ["query"] = "tea", ["limit"] = 500 }),
            Call("c2", MieltoMemoryTools.AddMemory, new() { ["topics"] = Json("[\"x\"]") }),
            Call("c3", MieltoMemoryTools.AddMemory, new() { ["content"] = "bad \ud800 text" }),
            Call("c4", MieltoMemoryTools.ListMemories, new() { ["limit"] = "ten" }));

        var results = model.ToolResults();
        Assert.Equal("""{"error":"invalid_argument","message":"limit must be between 1 and 100."}""", results["c1"]);
        Assert.Equal("""{"error":"invalid_argument","message":"content is required."}""", results["c2"]);
        Assert.Equal("""{"error":"invalid_argument","message":"The memory service could not take these arguments."}""", results["c3"]);
        Assert.Equal("""{"error":"invalid_argument","message":"limit must be a whole number."}""", results["c4"]);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Results_stay_within_the_character_cap_and_say_when_they_were_cut()
    {
        for (var i = 0; i < 30; i++)
        {
            Server.AddMemory($"mem_{i:D2}", "user_1", content: $"tea {i} " + new string('x', 300));
        }

        var tools = new MieltoMemoryTools(Memories, new MieltoMemoryToolsOptions { MaxResultCharacters = 1000 }).For("user_1");

        var model = await ChatAsync(
            tools,
            Call("c1", MieltoMemoryTools.SearchMemories, new() { ["query"] = "tea", ["limit"] = 30 }),
            Call("c2", MieltoMemoryTools.ListMemories, new() { ["limit"] = 1 }));

        var results = model.ToolResults();
        Assert.True(results["c1"].Length <= 1000, $"{results["c1"].Length} characters");
        Assert.EndsWith(",\"truncated\":true}", results["c1"], StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(results["c1"]).RootElement.GetProperty("memories").GetArrayLength());
        Assert.DoesNotContain("truncated", results["c2"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_memory_longer_than_the_cap_is_cut_to_fit()
    {
        Server.AddMemory("long", "user_1", content: new string('y', 5000));
        var tools = new MieltoMemoryTools(Memories, new MieltoMemoryToolsOptions { MaxResultCharacters = 500 }).For("user_1");

        var model = await ChatAsync(tools, Call("c1", MieltoMemoryTools.ListMemories, new()));

        var result = model.ToolResults()["c1"];
        Assert.True(result.Length <= 500, $"{result.Length} characters");
        using var json = JsonDocument.Parse(result);
        Assert.EndsWith("y…", Assert.Single(json.RootElement.GetProperty("memories").EnumerateArray()).GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Delete_is_offered_only_when_the_app_allows_it_and_deletes_only_the_users_own()
    {
        Server.AddMemory("mine", "user_1");
        var withoutDelete = new MieltoMemoryTools(Memories).For("user_1");
        var withDelete = new MieltoMemoryTools(Memories, new MieltoMemoryToolsOptions { AllowDelete = true }).For("user_1");

        var model = await ChatAsync(withDelete, Call("c1", MieltoMemoryTools.DeleteMemory, new() { ["memory_id"] = "mine" }));

        Assert.Equal([MieltoMemoryTools.SearchMemories, MieltoMemoryTools.AddMemory, MieltoMemoryTools.ListMemories], withoutDelete.Select(t => t.Name));
        Assert.Equal(MieltoMemoryTools.DeleteMemory, withDelete.Last().Name);
        Assert.Equal("""{"status":"deleted","memory_id":"mine"}""", model.ToolResults()["c1"]);
        Assert.Empty(Server.Memories);
    }

    [Fact]
    public void Tools_describe_themselves_for_a_model_with_their_limits()
    {
        var search = (AIFunction)new MieltoMemoryTools(Memories).For("user_1")[0];

        Assert.Equal("search_memories", search.Name);
        Assert.Contains("current user", search.Description, StringComparison.Ordinal);
        var limit = search.JsonSchema.GetProperty("properties").GetProperty("limit");
        Assert.Equal((1, 100), (limit.GetProperty("minimum").GetInt32(), limit.GetProperty("maximum").GetInt32()));
        Assert.Equal(9, search.JsonSchema.GetProperty("properties").GetProperty("retrieval_method").GetProperty("enum").GetArrayLength());
        Assert.Equal(["query"], search.JsonSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Tools_are_not_built_without_a_user(string userId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MieltoMemoryTools(Memories).For(userId));
        Assert.Throws<ArgumentNullException>(() => new MieltoMemoryTools(Memories).For(null!));
    }

    [Fact]
    public void AddMieltoMemoryTools_registers_the_tools_over_the_registered_client()
    {
        var services = new ServiceCollection();
        services.AddMieltoClient(Server.Configure);
        services.AddMieltoMemoryTools(o => o.AllowDelete = true);
        using var provider = services.BuildServiceProvider();

        var tools = provider.GetRequiredService<MieltoMemoryTools>().For("user_1");

        Assert.Equal(4, tools.Count);
    }
}
