using System.Diagnostics;
using Microsoft.Extensions.AI;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.Reliability;

namespace Mielto.Client.Tests.Chat;

/// <summary>
/// Streamed chat at the wire, against a raw server (<see cref="RawHttpServer"/>) that writes its events over time: SSE framing, tool calls assembled from
/// their pieces, usage, the end marker, every way a stream can stop early, its limits, and cancellation.
/// </summary>
public sealed class ChatStreamTests : IDisposable
{
    /// <summary>The head of an event stream whose body runs until the connection closes.</summary>
    private const string Head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n";

    private readonly List<MieltoClient> _clients = [];

    private static string Chunk(string delta, string? finish = null, string? usage = null) =>
        $$"""data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{{{delta}}},"logprobs":null,"finish_reason":{{(finish is null ? "null" : $"\"{finish}\"")}}}]{{(usage is null ? "" : "," + usage)}}}""" + "\n\n";

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private IChatClient Chat(RawHttpServer server, Action<MieltoClientOptions>? configure = null)
    {
        var options = new MieltoClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = WireTest.ApiKey,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        var client = new MieltoClient(options);
        _clients.Add(client);
        return client.GetChatClient("gpt-4o");
    }

    private static async Task<List<ChatResponseUpdate>> ReadAsync(IAsyncEnumerable<ChatResponseUpdate> stream, List<ChatResponseUpdate>? into = null)
    {
        into ??= [];
        await foreach (var update in stream)
        {
            into.Add(update);
        }

        return into;
    }

    [Fact]
    public async Task Text_tool_call_pieces_usage_comments_and_blank_lines_become_updates_until_DONE()
    {
        using var server = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WriteAsync(": keep-alive\n\n");
            await s.WriteAsync(Chunk("\"role\":\"assistant\",\"content\":\"Let me \""));
            await s.WriteAsync("\n");
            await s.WriteAsync(Chunk("\"content\":\"check.\""));
            await s.WriteAsync(Chunk("""
                "tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}},{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"ci"}}]
                """));
            await s.WriteAsync(Chunk("""
                "tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}},{"index":1,"function":{"arguments":"{}"}}]
                """));
            await s.WriteAsync(Chunk("", "tool_calls"));
            await s.WriteAsync("""data: {"id":"c1","choices":[{"index":0,"delta":{"reasoning":"hm"},"logprobs":{"content":[]},"finish_reason":null}]}""" + "\n\n");
            await s.WriteAsync("""data: {"id":"c1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}""" + "\n\n");
            await s.WriteAsync("data: [DONE]\n\n");
        });

        var updates = await ReadAsync(Chat(server).GetStreamingResponseAsync("Weather and time?"));

        var response = updates.ToChatResponse();
        Assert.Equal("Let me check.", response.Text);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal([("call_a", "get_weather", 1), ("call_b", "get_time", 0)], calls.Select(c => (c.CallId, c.Name, c.Arguments!.Count)));
        Assert.Equal("Paris", calls[0].Arguments!["city"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(12, response.Usage!.TotalTokenCount);
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^3].FinishReason);
        Assert.Equal("fp_1", updates[0].AdditionalProperties!["system_fingerprint"]);
        Assert.Null(updates[1].AdditionalProperties);
        Assert.Equal(["logprobs", "reasoning"], updates[^2].AdditionalProperties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, updates[^3].Contents.OfType<FunctionCallContent>().Count());
    }

    [Fact]
    public async Task Each_update_is_yielded_as_its_event_arrives()
    {
        var gate = new TaskCompletionSource();
        using var server = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WriteAsync(Chunk("\"content\":\"first\""));
            await gate.Task;
            await s.WriteAsync(Chunk("\"content\":\" second\"", "stop") + "data: [DONE]\n\n");
        });

        await using var updates = Chat(server).GetStreamingResponseAsync("Hi").GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("first", updates.Current.Text);
        gate.SetResult();
        Assert.True(await updates.MoveNextAsync());
        Assert.False(await updates.MoveNextAsync());
    }

    [Theory]
    [InlineData("end")]
    [InlineData("reset")]
    [InlineData("error-event")]
    [InlineData("error-object")]
    [InlineData("not-json")]
    [InlineData("too-long")]
    public async Task A_stream_that_stops_early_throws_a_stream_exception_after_the_updates_that_arrived(string how)
    {
        using var server = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WriteAsync(Chunk("\"content\":\"one\"") + Chunk("\"content\":\" two\""));
            switch (how)
            {
                case "reset":
                    await Task.Delay(50);
                    s.Reset();
                    return;
                case "error-event":
                    await s.WriteAsync("event: error\ndata: {\"message\":\"upstream failed\"}\n\n");
                    break;
                case "error-object":
                    await s.WriteAsync("data: {\"error\":{\"message\":\"upstream failed\",\"type\":\"server_error\"}}\n\n");
                    break;
                case "not-json":
                    await s.WriteAsync("data: upstream failed\n\n");
                    break;
                case "too-long":
                    await s.WriteAsync("data: " + new string('x', 4096));
                    break;
            }

            s.Close();
        });
        var received = new List<ChatResponseUpdate>();

        var error = await Assert.ThrowsAsync<MieltoStreamException>(() => ReadAsync(Chat(server, o => o.MaxChatEventBytes = 2048).GetStreamingResponseAsync("Hi"), received));

        Assert.Equal(["one", " two"], received.Select(u => u.Text));
        Assert.Equal(2, error.EventsReceived);
        Assert.Equal(1, server.Requests);
        Assert.Contains(
            how switch
            {
                "end" => "ended without its end marker ([DONE])",
                "reset" => "the connection broke",
                "too-long" => "longer than MaxChatEventBytes (2048 bytes)",
                "not-json" => "not the JSON expected: upstream failed",
                _ => "the server reported an error in it",
            },
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(WireTest.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_before_the_stream_is_the_usual_typed_exception_with_the_servers_detail()
    {
        using var server = new RawHttpServer(async s =>
        {
            await s.RespondAsync(422, """{"detail":[{"loc":["body","model"],"msg":"Field required","type":"missing"}]}""");
        });

        var error = await Assert.ThrowsAsync<MieltoValidationException>(() => ReadAsync(Chat(server).GetStreamingResponseAsync("Hi")));

        Assert.Equal("Field required", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task A_429_before_the_stream_is_sent_again_and_nothing_is_once_an_event_has_arrived()
    {
        var attempt = 0;
        using var server = new RawHttpServer(async s =>
        {
            if (Interlocked.Increment(ref attempt) == 1)
            {
                await s.RespondAsync(429, """{"detail":"slow down"}""");
                return;
            }

            await s.WriteAsync(Head);
            await s.WriteAsync(Chunk("\"content\":\"hi\""));
            s.Close();
        });

        await Assert.ThrowsAsync<MieltoStreamException>(() => ReadAsync(Chat(server).GetStreamingResponseAsync("Hi")));

        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task The_first_event_and_each_next_one_have_their_own_limits_not_the_whole_call_timeout()
    {
        using var slowFirst = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WaitForCloseAsync(TimeSpan.FromSeconds(10));
        });
        using var silentLater = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WriteAsync(Chunk("\"content\":\"one\""));
            await s.WaitForCloseAsync(TimeSpan.FromSeconds(10));
        });
        using var slowButSteady = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            for (var i = 0; i < 4; i++)
            {
                await Task.Delay(40);
                await s.WriteAsync(Chunk("\"content\":\".\""));
            }

            await s.WriteAsync("data: [DONE]\n\n");
        });
        void Limits(MieltoClientOptions o)
        {
            // Wide of the steady stream's 40 ms gaps, so that a loaded machine does not trip them; far below the 10 s silences.
            o.ChatFirstByteTimeout = TimeSpan.FromMilliseconds(400);
            o.ChatIdleTimeout = TimeSpan.FromMilliseconds(400);
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.OverallTimeout = TimeSpan.FromMilliseconds(100);
        }

        var first = await Assert.ThrowsAsync<MieltoTimeoutException>(() => ReadAsync(Chat(slowFirst, Limits).GetStreamingResponseAsync("Hi")));
        var received = new List<ChatResponseUpdate>();
        var idle = await Assert.ThrowsAsync<MieltoTimeoutException>(() => ReadAsync(Chat(silentLater, Limits).GetStreamingResponseAsync("Hi"), received));
        var steady = await ReadAsync(Chat(slowButSteady, Limits).GetStreamingResponseAsync("Hi"));

        Assert.Contains("ChatFirstByteTimeout (0.4 s)", first.Message, StringComparison.Ordinal);
        Assert.Contains("ChatIdleTimeout (0.4 s) after 1 events", idle.Message, StringComparison.Ordinal);
        Assert.Single(received);
        Assert.Equal("....", string.Concat(steady.Select(u => u.Text)));
        Assert.Equal((1, 1), (slowFirst.Requests, silentLater.Requests));
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_the_read_and_closes_the_connection_at_once()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new RawHttpServer(async s =>
        {
            await s.WriteAsync(Head);
            await s.WriteAsync(Chunk("\"content\":\"one\""));
            await s.WaitForCloseAsync(TimeSpan.FromSeconds(30));
            closed.TrySetResult();
        });
        using var cancel = new CancellationTokenSource();
        var received = new List<ChatResponseUpdate>();
        var read = Task.Run(async () =>
        {
            await foreach (var update in Chat(server).GetStreamingResponseAsync("Hi", cancellationToken: cancel.Token))
            {
                received.Add(update);
            }
        });
        await Until.TrueAsync(() => received.Count == 1);

        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"It took {stopwatch.Elapsed}.");
    }
}
