using System.ComponentModel;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Chat;

/// <summary>The chat client against the stand-in: recall, streaming, tool loops through Microsoft.Extensions.AI's own middleware, and an Agent Framework agent.</summary>
[Collection(StandInCollection.Name)]
public sealed class ChatStandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly MieltoClient _client = fixture.Client;

    [Fact]
    public async Task A_chat_echoes_the_message_with_the_users_memories_and_the_collections_chunks_that_share_a_word()
    {
        Server.AddMemory("mem_1", "user_42", content: "Prefers green tea in the morning");
        Server.AddMemory("mem_2", "user_7", content: "Prefers green tea too");
        Server.AddCollection("col_drinks", "Drinks");
        Server.AddChunk("col_drinks", "Green tea brews at 80 degrees");
        var chat = _client.GetChatClient("gpt-4o", new MieltoChatContext { UserId = "user_42" });

        var response = await chat.GetResponseAsync("Which tea do I like?", new ChatOptions().WithMieltoCollections("col_drinks"));

        Assert.Equal("You said: Which tea do I like?", response.Text);
        var withGreen = await chat.GetResponseAsync("Any green drink?", new ChatOptions().WithMieltoCollections("col_drinks"));
        Assert.Equal("You said: Any green drink?\nFrom your memories:\n- Prefers green tea in the morning\nFrom the knowledge:\n- Green tea brews at 80 degrees", withGreen.Text);
        Assert.Equal((ChatFinishReason.Stop, ChatRole.Assistant, "gpt-4o"), (withGreen.FinishReason, withGreen.Messages[0].Role, withGreen.ModelId));
        Assert.Equal(3, withGreen.Usage!.InputTokenCount);
        Assert.Equal(MieltoOperation.Chat, Server.Requests[^1].Operation);
    }

    [Fact]
    public async Task A_streamed_chat_arrives_word_by_word_and_adds_up_to_the_whole_answer()
    {
        Server.AddMemory("mem_1", "user_42", content: "Prefers green tea");
        var chat = _client.GetChatClient("gpt-4o", new MieltoChatContext { UserId = "user_42" });

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Is green good?"))
        {
            updates.Add(update);
        }

        var whole = await chat.GetResponseAsync("Is green good?");
        Assert.True(updates.Count > 5);
        Assert.Equal(whole.Text, updates.ToChatResponse().Text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Function_invocation_and_OpenTelemetry_run_a_tool_loop_over_it(bool stream)
    {
        var calls = new List<string>();
        var weather = AIFunctionFactory.Create(([Description("The city")] string city) =>
        {
            calls.Add(city);
            return $"Sunny in {city}";
        }, "get_weather");
        using var chat = new ChatClientBuilder(_client.GetChatClient("gpt-4o")).UseFunctionInvocation().UseOpenTelemetry().Build();
        var options = new ChatOptions { Tools = [weather] };

        var text = stream
            ? (await chat.GetStreamingResponseAsync("Call get_weather for Paris", options).ToChatResponseAsync()).Text
            : (await chat.GetResponseAsync("Call get_weather for Paris", options)).Text;

        Assert.Equal(["Call get_weather for Paris"], calls);
        Assert.Equal("The tool returned: Sunny in Call get_weather for Paris", text);
        Assert.Equal(2, Server.Requests.Count(r => r.Operation == MieltoOperation.Chat));
    }

    [Fact]
    public async Task It_is_the_chat_client_of_an_Agent_Framework_agent()
    {
        Server.AddMemory("mem_1", "user_42", content: "Name is Ada");
        var agent = new ChatClientAgent(_client.GetChatClient("gpt-4o", new MieltoChatContext { UserId = "user_42" }), instructions: "Be brief.");

        var response = await agent.RunAsync("What is my name?");

        Assert.Equal("You said: What is my name?\nFrom your memories:\n- Name is Ada", response.Text);
        Assert.Contains("\"content\":\"Be brief.\"", Server.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_breaks_throws_after_the_updates_that_arrived()
    {
        Server.BreakNextChatStream(afterEvents: 3);
        var chat = _client.GetChatClient("gpt-4o");
        var received = new List<ChatResponseUpdate>();

        var error = await Assert.ThrowsAsync<MieltoStreamException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("one two three four five"))
            {
                received.Add(update);
            }
        });

        Assert.Equal(3, received.Count);
        Assert.Equal(3, error.EventsReceived);
        Assert.Equal("You said: one ", string.Concat(received.Select(u => u.Text)));
        Assert.Single(Server.Requests, r => r.Operation == MieltoOperation.Chat);
    }
}
