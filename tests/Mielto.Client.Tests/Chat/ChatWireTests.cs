using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Tests.Infrastructure;

namespace Mielto.Client.Tests.Chat;

/// <summary>The chat client at the wire: every message kind and option mapped into the body, the context in body and headers, and every part of the answer mapped back.</summary>
[Collection(PagingCollection.Name)]
public sealed class ChatWireTests(WireServer wire) : WireTest(wire)
{
    private const string Answer = """{"id":"chatcmpl-1","object":"chat.completion","created":1677652288,"model":"gpt-4o-2024","system_fingerprint":"fp_1","mielto_memories_used":2,"choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","annotations":[]},"logprobs":{"content":[]},"finish_reason":"stop","stop_reason":"eos"}],"usage":{"prompt_tokens":10,"completion_tokens":9,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":3}}}""";

    private IChatClient Chat(MieltoChatContext? context = null, Action<MieltoClientOptions>? configure = null) =>
        Mielto(configure).GetChatClient("gpt-4o", context);

    [Fact]
    public async Task Every_message_kind_and_option_is_written_as_an_OpenAI_client_writes_it()
    {
        Respond(200, Answer);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement;
        var tool = AIFunctionFactory.Create((string city) => city, "get_weather", "The weather");
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, [new TextContent("What is here?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png"), new UriContent(new Uri("https://img.example/a.jpg"), "image/jpeg")]) { AuthorName = "ada" },
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", new { temperature = 21 })]),
        ];
        var options = new ChatOptions
        {
            Temperature = 0.7f,
            TopP = 0.9f,
            MaxOutputTokens = 100,
            StopSequences = ["END"],
            Seed = 42,
            FrequencyPenalty = 0.5f,
            PresencePenalty = -0.5f,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "weather", "A forecast"),
            Tools = [tool],
            ToolMode = ChatToolMode.RequireSpecific("get_weather"),
            AllowMultipleToolCalls = false,
            AdditionalProperties = new() { ["logit_bias"] = JsonDocument.Parse("""{"50256":-100}""").RootElement, ["temperature"] = 2 },
        };

        await Chat().GetResponseAsync(messages, options);

        var body = Assert.Single(Wire.Requests).RequestMessage!.Body;
        Assert.Equal(
            """{"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","name":"ada","content":[{"type":"text","text":"What is here?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}},{"type":"image_url","image_url":{"url":"https://img.example/a.jpg"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"{\"temperature\":21}"}],"temperature":0.7,"top_p":0.9,"max_tokens":100,"stop":["END"],"seed":42,"frequency_penalty":0.5,"presence_penalty":-0.5,"response_format":{"type":"json_schema","json_schema":{"name":"weather","description":"A forecast","schema":{"type":"object","properties":{"city":{"type":"string"}}}}},"tools":[{"type":"function","function":{"name":"get_weather","description":"The weather","parameters":""" + tool.JsonSchema.GetRawText() + """}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}},"parallel_tool_calls":false,"logit_bias":{"50256":-100}}""",
            body);
    }

    [Theory]
    [InlineData("auto", """ "tool_choice":"auto" """)]
    [InlineData("none", """ "tool_choice":"none" """)]
    [InlineData("required", """ "tool_choice":"required" """)]
    [InlineData("json", """ "response_format":{"type":"json_object"} """)]
    [InlineData("text", """ "response_format":{"type":"text"} """)]
    [InlineData("instructions", """ "messages":[{"role":"system","content":"Answer in French."},{"role":"user","content":"Hi"}] """)]
    [InlineData("model", """ "model":"gpt-4o-mini" """)]
    public async Task Each_mode_and_format_has_its_OpenAI_form(string setting, string expected)
    {
        Respond(200, Answer);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "one")] };
        _ = setting switch
        {
            "auto" => options.ToolMode = ChatToolMode.Auto,
            "none" => options.ToolMode = ChatToolMode.None,
            "required" => options.ToolMode = ChatToolMode.RequireAny,
            _ => null,
        };
        options.ResponseFormat = setting switch { "json" => ChatResponseFormat.Json, "text" => ChatResponseFormat.Text, _ => null };
        options.Instructions = setting == "instructions" ? "Answer in French." : null;
        options.ModelId = setting == "model" ? "gpt-4o-mini" : null;

        await Chat().GetResponseAsync("Hi", options);

        Assert.Contains(expected.Trim(), Assert.Single(Wire.Requests).RequestMessage!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_context_goes_in_the_body_fields_and_the_documented_headers_and_a_calls_values_replace_the_defaults()
    {
        Respond(200, Answer);
        var chat = Chat(new MieltoChatContext { UserId = "user_default", SessionId = "sess_1", CollectionIds = ["col_a"] }, o => o.WorkspaceId = "wsp_client");

        await chat.GetResponseAsync("Hi", new ChatOptions().WithMieltoUser("user_42").WithMieltoConversation("conv_9").WithMieltoCollections("col_1", "col_2"));
        await chat.GetResponseAsync("Hi", new ChatOptions().WithMieltoWorkspace("wsp_call"));

        var first = Wire.Requests[0].RequestMessage!;
        Assert.EndsWith(""","user_id":"user_42","conversation_id":"conv_9","session_id":"sess_1","workspace_id":"wsp_client","collection_ids":["col_1","col_2"]}""", first.Body, StringComparison.Ordinal);
        Assert.Equal(("user_42", "conv_9", "sess_1", "wsp_client", """["col_1","col_2"]"""), (first.Headers!["x-user-id"][0], first.Headers["x-conversation-id"][0], first.Headers["x-session-id"][0], first.Headers["X-Workspace-Id"][0], first.Headers["x-collection-ids"][0]));
        var second = Wire.Requests[1].RequestMessage!;
        Assert.EndsWith(""","user_id":"user_default","session_id":"sess_1","workspace_id":"wsp_call","collection_ids":["col_a"]}""", second.Body, StringComparison.Ordinal);
        Assert.False(second.Headers!.ContainsKey("x-conversation-id"));
    }

    [Fact]
    public async Task What_cannot_be_sent_is_refused_before_sending()
    {
        var chat = Chat();

        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([new ChatMessage(ChatRole.User, [new DataContent(new byte[] { 1 }, "application/pdf")])]));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hi", new ChatOptions().WithMieltoUser("user\r\nX-Evil: 1")));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hi", new ChatOptions { Tools = [new HostedWebSearchTool()] }));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hi", new ChatOptions { AdditionalProperties = new() { ["callback"] = new Action(() => { }) } }));
        Assert.Throws<ArgumentException>(() => chat.GetStreamingResponseAsync("Hi", new ChatOptions().WithMieltoCollections("col 1 ")));
        Assert.Throws<ArgumentException>(() => new ChatOptions().WithMieltoUser(" "));
        Assert.Throws<ArgumentException>(() => Mielto().GetChatClient(" "));
        Assert.Throws<ArgumentException>(() => Mielto().GetChatClient("gpt-4o", new MieltoChatContext { UserId = "josé" }));

        Assert.Empty(Wire.Requests);
    }

    [Fact]
    public async Task The_answer_maps_back_with_usage_finish_reason_and_the_fields_the_SDK_does_not_know()
    {
        Respond(200, Answer);

        var response = await Chat().GetResponseAsync("Hi");

        Assert.Equal(("Hello!", "chatcmpl-1", "gpt-4o-2024", ChatFinishReason.Stop), (response.Text, response.ResponseId, response.ModelId, response.FinishReason));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1677652288), response.CreatedAt);
        Assert.Equal((10L, 9L, 19L, 4L, 3L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.TotalTokenCount!.Value, response.Usage.CachedInputTokenCount!.Value, response.Usage.ReasoningTokenCount!.Value));
        Assert.Equal("fp_1", response.AdditionalProperties!["system_fingerprint"]);
        Assert.Equal(2, ((JsonElement)response.AdditionalProperties["mielto_memories_used"]!).GetInt32());
        Assert.Equal(["annotations", "logprobs", "stop_reason"], response.Messages[0].AdditionalProperties!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tool_calls_come_back_as_function_calls_with_their_arguments_parsed()
    {
        Respond(200, """{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_123","type":"function","function":{"name":"get_weather","arguments":"{\"location\": \"San Francisco\", \"days\": 3}"}},{"id":"call_2","type":"function","function":{"name":"broken","arguments":"{not json"}}]},"finish_reason":"tool_calls"}]}""");

        var response = await Chat().GetResponseAsync("Weather?");

        var calls = response.Messages[0].Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(("call_123", "get_weather", "San Francisco", 3), (calls[0].CallId, calls[0].Name, ((JsonElement)calls[0].Arguments!["location"]!).GetString(), ((JsonElement)calls[0].Arguments!["days"]!).GetInt32()));
        Assert.NotNull(calls[1].Exception);
    }

    [Fact]
    public async Task A_chat_is_not_sent_again_after_a_server_error_but_is_after_a_429()
    {
        RespondInSequence(() => Json(429, """{"detail":"slow down"}"""), () => Json(500, """{"detail":"model overloaded"}"""));

        var error = await Assert.ThrowsAsync<MieltoServerException>(() => Chat().GetResponseAsync("Hi"));

        Assert.Equal("model overloaded", error.Detail);
        Assert.Equal(2, Wire.Requests.Count);
    }

    [Fact]
    public async Task AddMieltoChatClient_registers_it_as_the_apps_IChatClient_over_the_same_pipeline()
    {
        Respond(200, Answer);
        var chat = Services(o => o.WorkspaceId = "wsp_di", register: s => s.AddMieltoChatClient("gpt-4o-mini", new MieltoChatContext { UserId = "user_di" })).GetRequiredService<IChatClient>();

        await chat.GetResponseAsync("Hi");

        var sent = Assert.Single(Wire.Requests).RequestMessage!;
        Assert.Equal(("Bearer " + ApiKey, "wsp_di", "user_di"), (sent.Headers!["Authorization"][0], sent.Headers["X-Workspace-Id"][0], sent.Headers["x-user-id"][0]));
        Assert.StartsWith("""{"model":"gpt-4o-mini",""", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_metadata_names_the_provider_the_address_and_the_model()
    {
        var chat = Chat();

        var metadata = chat.GetService<ChatClientMetadata>()!;

        Assert.Equal(("mielto", new Uri(Wire.BaseAddress, "api/v1/chat/completions"), "gpt-4o"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
        Assert.Same(chat, chat.GetService<MieltoChatClient>());
    }
}
