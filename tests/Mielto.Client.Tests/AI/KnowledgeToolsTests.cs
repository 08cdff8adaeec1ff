using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.AI;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.AI;

/// <summary>
/// The knowledge tool through Microsoft.Extensions.AI's <see cref="FunctionInvokingChatClient"/>, driven by a scripted
/// model, against the stand-in: no model and no network.
/// </summary>
[Collection(StandInCollection.Name)]
public sealed class KnowledgeToolsTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly ICollectionsClient _collections = fixture.Client.Collections;

    private static async Task<IReadOnlyDictionary<string, string>> AskAsync(IList<AITool> tools, params ChatMessage[] script)
    {
        var model = new ScriptedChatClient(script);
        using var chat = new FunctionInvokingChatClient(model);
        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], new ChatOptions { Tools = tools });
        return model.ToolResults();
    }

    private static ChatMessage Call(string id, Dictionary<string, object?> arguments) => ScriptedChatClient.ToolCall(id, MieltoKnowledgeTools.SearchKnowledge, arguments);

    private void Seed()
    {
        Server.AddCollection("col_docs", "Docs");
        Server.AddCollection("col_faq", "FAQ");
        Server.AddCollection("col_secret", "Secret");
        Server.AddChunk("col_docs", "Green tea is brewed at 80 degrees", source: "green.md");
        Server.AddChunk("col_faq", "Tea orders ship in two days", source: "faq.md");
        Server.AddChunk("col_secret", "Secret tea recipe for green tea lovers", source: "secret.md");
    }

    [Fact]
    public async Task It_searches_every_bound_collection_best_first_and_no_other()
    {
        Seed();
        var tools = new MieltoKnowledgeTools(_collections).For(["col_docs", "col_faq"]);

        var results = await AskAsync(tools, Call("c1", new() { ["query"] = "green tea", ["collection_id"] = "col_secret", ["workspace_id"] = "wsp_team" }));

        using var found = JsonDocument.Parse(results["c1"]);
        var passages = found.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["green.md", "faq.md"], passages.Select(p => p.GetProperty("source").GetString()));
        Assert.Equal(["content", "score", "source"], passages[0].EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Secret", results["c1"], StringComparison.Ordinal);
        Assert.All(
            Server.Requests.Where(r => r.Operation == MieltoOperation.SearchCollection),
            r => Assert.DoesNotContain("col_secret", r.Body, StringComparison.Ordinal));
        var schema = Assert.IsAssignableFrom<AIFunction>(Assert.Single(tools)).JsonSchema.GetRawText();
        Assert.DoesNotContain("collection", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("workspace", schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_capped_and_k_is_checked()
    {
        Seed();
        Server.AddChunk("col_docs", "green tea " + new string('x', 3000), source: "long.md");
        var tools = new MieltoKnowledgeTools(_collections, new MieltoKnowledgeToolsOptions { MaxResultCharacters = 500 }).For(["col_docs"]);

        var results = await AskAsync(tools, Call("c1", new() { ["query"] = "green tea" }), Call("c2", new() { ["query"] = "tea", ["k"] = 101 }));

        Assert.True(results["c1"].Length <= 500, results["c1"]);
        Assert.EndsWith(",\"truncated\":true}", results["c1"], StringComparison.Ordinal);
        Assert.StartsWith("{\"error\":\"invalid_argument\"", results["c2"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_reaches_the_model_as_a_short_message_of_our_own()
    {
        Server.AddCollection("col_docs", "Docs");
        var missing = new MieltoKnowledgeTools(_collections).For(["col_gone"]);
        var busy = new MieltoKnowledgeTools(_collections).For(["col_docs"]);

        var gone = await AskAsync(missing, Call("c1", new() { ["query"] = "tea" }));
        Server.FailNext(10, HttpStatusCode.ServiceUnavailable, operation: MieltoOperation.SearchCollection);
        var down = await AskAsync(busy, Call("c1", new() { ["query"] = "tea" }));

        Assert.Equal("""{"error":"not_found","message":"There is no such collection."}""", gone["c1"]);
        Assert.Equal("""{"error":"unavailable","message":"The knowledge service is unavailable right now; try again later."}""", down["c1"]);
    }

    [Fact]
    public void It_needs_a_collection_and_AddMieltoClient()
    {
        Assert.Throws<ArgumentException>(() => new MieltoKnowledgeTools(_collections).For([]));
        Assert.Throws<ArgumentException>(() => new MieltoKnowledgeTools(_collections).For([" "]));
        var services = new ServiceCollection().AddMieltoKnowledgeTools();
        using var container = services.BuildServiceProvider();
        Assert.StartsWith("AddMieltoKnowledgeTools() needs", Assert.Throws<InvalidOperationException>(container.GetRequiredService<MieltoKnowledgeTools>).Message, StringComparison.Ordinal);
    }
}
