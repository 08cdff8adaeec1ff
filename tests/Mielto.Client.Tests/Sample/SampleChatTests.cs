using System.Text.Json;
using Mielto.Client.Sample;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Sample;

/// <summary>The sample tool's <c>chat</c> command, run in-process against the stand-in: one turn, streamed or whole, JSON, and the interactive session.</summary>
[Collection(StandInCollection.Name)]
public sealed class SampleChatTests(StandInFixture fixture) : StandInTest(fixture)
{
    [Fact]
    public async Task One_turn_prints_the_answer_whole_or_as_it_arrives_with_the_users_memories()
    {
        Server.AddMemory("mem_1", "user_42", content: "Prefers green tea");
        Server.AddCollection("col_1", "Drinks");
        Server.AddChunk("col_1", "Green tea brews at 80 degrees");

        var whole = await RunAsync("chat", "Any green drink?", "--user", "user_42", "--collection", "col_1", "--conversation", "conv_1");
        var streamed = await RunAsync("chat", "Any green drink?", "--user", "user_42", "--collection", "col_1", "--stream");
        var json = await RunAsync("chat", "Hi", "--user", "user_42", "--stream", "--json");
        var noUser = await RunAsync("chat", "Hi");

        const string Expected = "You said: Any green drink?\nFrom your memories:\n- Prefers green tea\nFrom the knowledge:\n- Green tea brews at 80 degrees";
        Assert.Equal((ExitCodes.Success, Expected), (whole.ExitCode, whole.Out.TrimEnd()));
        Assert.Equal((ExitCodes.Success, Expected), (streamed.ExitCode, streamed.Out.TrimEnd()));
        var lines = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("You said: Hi", string.Concat(lines.Select(l => JsonDocument.Parse(l).RootElement.TryGetProperty("contents", out var c) && c.GetArrayLength() > 0 && c[0].TryGetProperty("text", out var t) ? t.GetString() : "")));
        Assert.Equal(ExitCodes.Usage, noUser.ExitCode);
        var sent = Server.Requests.First(r => r.Operation == MieltoOperation.Chat);
        Assert.Contains("\"conversation_id\":\"conv_1\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_message_it_is_a_session_that_keeps_its_history_and_ends_at_an_empty_line()
    {
        var run = await SampleRun.RunAsync(["chat", "--user", "user_42", "--stream", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey], input: "first\nsecond\n\nnever\n");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["You said: first", "You said: second"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Chat ended.", run.Error, StringComparison.Ordinal);
        var second = Server.Requests.Where(r => r.Operation == MieltoOperation.Chat).ElementAt(1);
        Assert.Contains("""{"role":"user","content":"first"},{"role":"assistant","content":"You said: first"},{"role":"user","content":"second"}""", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_ends_the_session_cleanly()
    {
        using var cancel = new CancellationTokenSource();
        var reader = new BlockingReader();
        var run = SampleRun.RunAsync(["chat", "--user", "user_42", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey], reader: reader, cancellationToken: cancel.Token);
        await reader.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Chat ended.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Standard input that never answers, as a terminal waiting for a line, and says when it is read.</summary>
    private sealed class BlockingReader : TextReader
    {
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            Waiting.TrySetResult();
            return new ValueTask<string?>(new TaskCompletionSource<string?>().Task);
        }
    }

    private Task<SampleRun> RunAsync(params string[] args) =>
        SampleRun.RunAsync([.. args, "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey]);
}
