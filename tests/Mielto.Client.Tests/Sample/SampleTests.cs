using System.Net;
using System.Text.Json;
using Mielto.Client.Sample;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Sample;

/// <summary>The sample tool end to end, run in-process against the stand-in, asserting output and exit codes.</summary>
[Collection(StandInCollection.Name)]
public sealed class SampleTests(StandInFixture fixture) : StandInTest(fixture)
{
    private Task<SampleRun> DeleteAsync(params string[] args) =>
        SampleRun.RunAsync(["delete", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, .. args]);

    [Fact]
    public async Task Without_an_api_key_or_arguments_it_walks_through_the_demo_against_the_stand_in()
    {
        var run = await SampleRun.RunAsync([]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Running against the embedded Mielto stand-in at http://127.0.0.1:", run.Out);
        Assert.Contains("MIELTO__APIKEY", run.Out);
        Assert.Matches(@"1\. Create a memory with CreateAsync\s+-> created mem_\w+ at ", run.Out);
        Assert.Matches(@"-> 2 found for ""tea"": mem_\w+, mem_tea", run.Out);
        Assert.Contains("now drinks, preferences; content unchanged: \"Ada takes her tea without sugar\"", run.Out);
        Assert.Contains("-> 4 memories in pages of 2: ", run.Out);
        Assert.Contains("-> deleted mem_tea: \"Memory deleted successfully\"", run.Out);
        Assert.Contains("-> MemoryNotFoundException (404): \"Memory not found\", handled", run.Out);
        Assert.Contains("-> returned false", run.Out);
        Assert.Contains("-> MieltoPermissionException (403)", run.Out);
        Assert.Contains("-> deleted mem_retry after the server answered 503, 200", run.Out);
        Assert.Contains("-> MemoryValidationException (422): path.memory_id: String should have at most 256 characters (string_too_long)", run.Out);
        Assert.Matches(@"-> uploaded visitors\.md \(con_\w+\): ingestion completed", run.Out);
        Assert.Contains("-> best passage for \"visitors badge\": \"Visitors sign in at the front desk and wear a badge.\"", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task With_an_api_key_and_no_command_it_refuses_to_run_the_demo()
    {
        var run = await SampleRun.RunAsync([], configuration: new() { ["Mielto:ApiKey"] = "mk_live_x" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("`delete <memoryId>`", run.Error);
    }

    [Fact]
    public async Task Delete_reports_each_result_and_a_summary()
    {
        Server.AddMemory("mem_1", "user_1");
        Server.AddMemory("mem_2", "user_1");

        var run = await DeleteAsync("mem_1", "mem_2", "--user-id", "user_1", "--parallel", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("deleted       mem_1  Memory deleted successfully", run.Out);
        Assert.Contains("deleted       mem_2  Memory deleted successfully", run.Out);
        Assert.EndsWith("Summary: 2 deleted, 0 already absent, 0 not found, 0 failed." + Environment.NewLine, run.Out);
        Assert.Empty(Server.Memories);
        Assert.All(Server.Requests, r => Assert.Equal("?user_id=user_1", r.RawQuery));
    }

    [Fact]
    public async Task Delete_sends_the_workspace_option()
    {
        Server.AddMemory("mem_1", "user_1", workspaceId: "wsp_team");

        var run = await DeleteAsync("mem_1", "--workspace-id", "wsp_team");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("wsp_team", Assert.Single(Server.Requests).Headers["X-Workspace-Id"]);
    }

    [Theory]
    [InlineData("missing", ExitCodes.NotFound, "not found     missing  Memory not found")]
    [InlineData("forbidden", ExitCodes.AuthOrPermission, "failed        forbidden  403: Only the memory owner can delete this memory")]
    [InlineData("too-long", ExitCodes.Validation, "  422: path.memory_id: String should have at most 256 characters")]
    [InlineData("rate-limited", ExitCodes.RateLimited, "failed        mem_1  429: Injected failure from MieltoTestServer")]
    [InlineData("unavailable", ExitCodes.ServerOrTransport, "failed        mem_1  503: Injected failure from MieltoTestServer")]
    [InlineData("dropped", ExitCodes.ServerOrTransport, "  1 × connection failed")]
    [InlineData("wrong-key", ExitCodes.AuthOrPermission, "401: Invalid or missing API key")]
    public async Task Delete_exits_with_a_distinct_code_per_kind_of_failure(string scenario, int exitCode, string expectedOutput)
    {
        Server.AddMemory("mem_1", "user_1");
        Server.AddMemory("forbidden", "user_2");
        string[] args = scenario switch
        {
            "missing" => ["missing", "mem_1"],
            "forbidden" => ["forbidden", "--user-id", "user_1"],
            "too-long" => [new string('x', 300)],
            _ => ["mem_1"],
        };
        if (scenario == "rate-limited")
        {
            Server.FailNext(10, HttpStatusCode.TooManyRequests);
        }
        else if (scenario == "unavailable")
        {
            Server.FailNext(10, HttpStatusCode.ServiceUnavailable);
        }
        else if (scenario == "dropped")
        {
            Server.DropNext(10);
        }

        var run = scenario == "wrong-key"
            ? await SampleRun.RunAsync(["delete", "--base-address", Server.BaseAddress.ToString(), "--api-key", "mk_wrong", "mem_1"])
            : await DeleteAsync(args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(expectedOutput, run.Out);
    }

    [Fact]
    public async Task Delete_if_exists_treats_an_absent_memory_as_success()
    {
        var run = await DeleteAsync("gone", "--if-exists");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("absent        gone  already absent", run.Out);
        Assert.Contains("Summary: 0 deleted, 1 already absent", run.Out);
    }

    [Fact]
    public async Task Delete_reads_ids_from_a_file_and_from_standard_input()
    {
        Server.AddMemory("mem_a", "user_1");
        Server.AddMemory("mem_b", "user_1");
        Server.AddMemory("mem_c", "user_1");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "mem_a\r\n\r\nmem_b\n");
        try
        {
            var fromFile = await DeleteAsync("--from-file", file);
            var fromStdin = await SampleRun.RunAsync(["delete", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, "--from-file", "-"], input: "mem_c\n");

            Assert.Equal((0, 0), (fromFile.ExitCode, fromStdin.ExitCode));
            Assert.Empty(Server.Memories);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Delete_with_json_writes_only_one_json_document()
    {
        Server.AddMemory("mem_1", "user_1");

        var run = await DeleteAsync("mem_1", "missing", "--json");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var results = document.RootElement.GetProperty("results");
        Assert.Equal(["deleted", "not_found"], results.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("deleted").GetInt32());
        Assert.False(document.RootElement.GetProperty("summary").GetProperty("interrupted").GetBoolean());
    }

    [Fact]
    public async Task Delete_runs_against_the_embedded_stand_in_on_request()
    {
        var run = await SampleRun.RunAsync(["delete", "--stand-in", "mem_tea", "mem_paris", "--user-id", "user_ada"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Summary: 2 deleted", run.Out);
    }

    [Theory]
    [InlineData(new[] { "delete" }, "Give at least one memory id")]
    [InlineData(new[] { "delete", "--stand-in", "--parallel", "0", "x" }, "--parallel must be between 1 and 64")]
    [InlineData(new[] { "delete", "--base-address", "http://api.mielto.com/", "--api-key", "k", "x" }, "MieltoClientOptions.BaseAddress must use https")]
    public async Task Delete_reports_usage_and_configuration_errors_with_exit_code_1(string[] args, string expectedError)
    {
        var run = await SampleRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expectedError, run.Error);
    }

    [Fact]
    public async Task Delete_without_an_api_key_or_stand_in_says_how_to_configure_one_and_exits_as_a_configuration_error()
    {
        var run = await SampleRun.RunAsync(["delete", "mem_1"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("MIELTO__APIKEY", run.Error);
    }

    [Fact]
    public async Task The_top_level_help_gives_the_exit_codes_once_and_each_commands_help_gives_them_too()
    {
        var top = await SampleRun.RunAsync(["--help"]);
        var delete = await SampleRun.RunAsync(["delete", "--help"]);

        Assert.Equal((0, 0), (top.ExitCode, delete.ExitCode));
        Assert.Equal(1, Occurrences(top.Out, "Exit codes"));
        Assert.Equal(1, Occurrences(delete.Out, "Exit codes"));
        Assert.Contains("  6    authentication, permission or billing refusal", delete.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "list", "--limit", "0" }, "--limit must be between 1 and 100.")]
    [InlineData(new[] { "search", "tea", "--limit", "101" }, "--limit must be between 1 and 100.")]
    [InlineData(new[] { "list", "--max", "-1" }, "--max must be 0 or more.")]
    [InlineData(new[] { "erase-user", "", "--yes" }, "The user id must not be empty")]
    [InlineData(new[] { "export-user", " " }, "The user id must not be empty")]
    public async Task Bad_arguments_are_one_sentence_exit_1_and_send_nothing(string[] args, string expected)
    {
        var run = await SampleRun.RunAsync([args[0], "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, .. args[1..]]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(run.Error, expected));
        Assert.DoesNotContain("Parameter", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Found", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task Messages_are_sentences_without_type_names()
    {
        var invalid = await SampleRun.RunAsync(["update", "mem_1", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey]);
        var metadata = await SampleRun.RunAsync(["create", "x", "--user-id", "u", "--metadata", "[1]", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey]);

        Assert.Equal((ExitCodes.Validation, ExitCodes.Usage), (invalid.ExitCode, metadata.ExitCode));
        Assert.DoesNotMatch(@"^\w+Exception", invalid.Error);
        Assert.DoesNotMatch(@"^\w+Exception", metadata.Error);
        Assert.DoesNotContain("(Parameter '", invalid.Error, StringComparison.Ordinal);
        Assert.StartsWith("--metadata must be a JSON object", metadata.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_writes_JSON_in_one_style_with_text_as_it_is()
    {
        Server.AddMemory("mem_1", "user_1", content: "Ada's <tea> & \"biscuits\"");
        string[] address = ["--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey];

        var list = await SampleRun.RunAsync(["list", "--json", .. address]);
        var get = await SampleRun.RunAsync(["get", "mem_1", "--json", .. address]);
        var export = await SampleRun.RunAsync(["export-user", "user_1", .. address]);

        const string Expected = "\"memory\":\"Ada's <tea> & \\\"biscuits\\\"\"";
        Assert.Contains(Expected, list.Out, StringComparison.Ordinal);
        Assert.Contains(Expected, get.Out, StringComparison.Ordinal);
        Assert.Contains(Expected, export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_run_stops_it_and_the_summary_says_what_was_not_done()
    {
        string[] ids = ["c1", "c2", "c3", "c4", "c5", "c6"];
        foreach (var id in ids)
        {
            Server.AddMemory(id, "user_1");
        }

        Server.DelayNext(ids.Length, TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var run = await SampleRun.RunAsync(["delete", "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey, "--parallel", "2", .. ids], cancellationToken: cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Matches(@"Summary: 0 deleted, 0 already absent, 0 not found, 0 failed; cancelled: \d in flight \(may or may not be deleted\), \d not attempted\.", run.Out);
        Assert.Equal(ids.Length, Server.Memories.Count);
    }
}
