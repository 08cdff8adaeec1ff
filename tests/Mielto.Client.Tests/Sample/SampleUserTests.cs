using System.Net;
using System.Text.Json;
using Mielto.Client.Sample;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Sample;

/// <summary>The sample tool's <c>erase-user</c> and <c>export-user</c>, run in-process against the stand-in.</summary>
[Collection(StandInCollection.Name)]
public sealed class SampleUserTests : StandInTest
{
    public SampleUserTests(StandInFixture fixture)
        : base(fixture)
    {
        for (var i = 0; i < 30; i++)
        {
            Server.AddMemory($"mem_{i:D2}", "user_1", content: $"memory {i}");
        }

        Server.AddMemory("theirs", "user_2");
    }

    private Task<SampleRun> RunAsync(string[] args, string input = "", bool terminal = false, CancellationToken cancellationToken = default) =>
        SampleRun.RunAsync([args[0], "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, .. args[1..]], input, cancellationToken: cancellationToken, terminal: terminal);

    [Fact]
    public async Task Erase_user_refuses_without_a_terminal_or_yes()
    {
        var run = await RunAsync(["erase-user", "user_1"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Found 30 memories of user_1.", run.Error);
        Assert.Contains("Pass --yes", run.Error);
        Assert.Equal(31, Server.Memories.Count);
    }

    [Fact]
    public async Task Erase_user_with_json_writes_the_summary_as_one_JSON_object()
    {
        var run = await RunAsync(["erase-user", "user_1", "--yes", "--json"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var summary = JsonDocument.Parse(run.Out);
        var root = summary.RootElement;
        Assert.Equal(("user_1", 30, 30, 0, 0, 0, true), (root.GetProperty("user_id").GetString(), root.GetProperty("found").GetInt32(), root.GetProperty("deleted").GetInt32(), root.GetProperty("already_gone").GetInt32(), root.GetProperty("skipped").GetInt32(), root.GetProperty("failed").GetArrayLength(), root.GetProperty("complete").GetBoolean()));
        Assert.Single(Server.Memories);
    }

    [Theory]
    [InlineData("no\n", false)]
    [InlineData("yes\n", true)]
    public async Task Erase_user_asks_on_a_terminal_and_erases_only_on_yes(string answer, bool erased)
    {
        var run = await RunAsync(["erase-user", "user_1", "--parallel", "8"], answer, terminal: true);

        Assert.Contains("Delete all 30 memories of user_1? This cannot be undone.", run.Error);
        Assert.Equal(erased ? ExitCodes.Success : ExitCodes.Usage, run.ExitCode);
        Assert.Equal(erased ? 1 : 31, Server.Memories.Count);
        if (erased)
        {
            Assert.Contains("Erased user_1 in ", run.Out);
            Assert.Contains("30 deleted, 0 already gone, 0 skipped", run.Out);
            Assert.Contains("Complete: nothing of the user is left.", run.Out);
            Assert.Contains("found 30, deleted 30, already gone 0, failed 0", run.Error);
        }
    }

    [Fact]
    public async Task Erase_user_with_yes_reports_failures_with_their_exit_code()
    {
        Server.FailNext(8, HttpStatusCode.ServiceUnavailable, operation: MieltoOperation.Delete);

        var run = await SampleRun.RunAsync(
            ["erase-user", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, "user_1", "--yes", "--parallel", "1"],
            configuration: new() { ["Mielto:MaxRetries"] = "3" });

        Assert.Equal(ExitCodes.ServerOrTransport, run.ExitCode);
        Assert.Contains("28 deleted", run.Out);
        Assert.Contains("2 failed", run.Out);
        Assert.Contains("Not complete: run the same command again", run.Out);
        Assert.Equal(3, Server.Memories.Count);
    }

    [Fact]
    public async Task Erase_user_cancelled_says_how_far_it_came_and_running_it_again_finishes()
    {
        Server.DelayNext(30, TimeSpan.FromMilliseconds(30), MieltoOperation.Delete);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var cancelled = await RunAsync(["erase-user", "user_1", "--yes", "--parallel", "1"], cancellationToken: cancel.Token);
        var again = await RunAsync(["erase-user", "user_1", "--yes"]);

        Assert.Equal(ExitCodes.Cancelled, cancelled.ExitCode);
        Assert.Contains("Run the same command again to finish.", cancelled.Out);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal(["theirs"], Server.Memories.Select(m => m.MemoryId));
    }

    [Fact]
    public async Task Export_user_writes_json_lines_to_standard_output_or_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mielto-export-{Guid.NewGuid():N}.jsonl");
        try
        {
            var stdout = await RunAsync(["export-user", "user_1"]);
            var toFile = await RunAsync(["export-user", "user_1", "--out", file]);

            Assert.Equal((ExitCodes.Success, ExitCodes.Success), (stdout.ExitCode, toFile.ExitCode));
            var lines = stdout.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(30, lines.Length);
            Assert.All(lines, line => Assert.Equal("user_1", JsonDocument.Parse(line).RootElement.GetProperty("user_id").GetString()));
            Assert.Contains("Exported 30 memories of user_1 to standard output", stdout.Error);
            Assert.Equal(stdout.Out, await File.ReadAllTextAsync(file));
            Assert.Contains($"to {file}", toFile.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_user_refuses_an_empty_user_id()
    {
        var run = await RunAsync(["export-user", " "]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(Server.Requests);
    }
}
