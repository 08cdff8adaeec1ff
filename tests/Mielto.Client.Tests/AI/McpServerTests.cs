using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Mielto.Client.Tests.AI;

/// <summary>
/// The sample MCP server started as a process over stdio, with no key configured (so on its embedded stand-in), and
/// driven by the MCP client of the same package, as an MCP host would.
/// </summary>
public sealed class McpServerTests : IAsyncLifetime
{
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mielto-mcp",
            Command = "dotnet",
            Arguments = [ServerPath()],
            EnvironmentVariables = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Mielto__ApiKey"] = string.Empty,
                ["Mielto__UserId"] = "user_mcp",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        });
        _client = await McpClient.CreateAsync(transport);
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task It_lists_the_memory_tools_with_no_user_parameter()
    {
        var tools = await _client.ListToolsAsync();

        Assert.Equal(["search_memories", "add_memory", "list_memories"], tools.Select(t => t.Name));
        Assert.All(tools, t => Assert.DoesNotContain("user", t.JsonSchema.GetProperty("properties").GetRawText(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Add_memory_then_search_memories_round_trip_on_the_stand_in()
    {
        var added = await _client.CallToolAsync("add_memory", new Dictionary<string, object?> { ["content"] = "Ada prefers green tea", ["topics"] = new[] { "drinks" } });
        var found = await _client.CallToolAsync("search_memories", new Dictionary<string, object?> { ["query"] = "green tea", ["user_id"] = "someone_else" });

        Assert.NotEqual(true, added.IsError);
        Assert.Contains("\"status\":\"stored\"", Text(added), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Text(found));
        Assert.Equal("Ada prefers green tea", Assert.Single(json.RootElement.GetProperty("memories").EnumerateArray()).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Configured_with_a_key_it_uses_that_server_and_the_key_is_in_no_result_or_log_line()
    {
        await using var server = await Mielto.Client.Testing.MieltoTestServer.StartAsync(o => o.AdditionalWorkspaceIds.Add("wsp_team"));
        server.AddMemory("m1", "user_configured", workspaceId: "wsp_team", content: "likes jasmine tea");
        server.AddMemory("m2", "user_other", workspaceId: "wsp_team", content: "likes jasmine tea too");
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mielto-mcp",
            Command = "dotnet",
            Arguments = [ServerPath()],
            EnvironmentVariables = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Mielto__ApiKey"] = server.ApiKey,
                ["Mielto__BaseAddress"] = server.BaseAddress.ToString(),
                ["Mielto__UserId"] = "user_configured",
                ["Mielto__WorkspaceId"] = "wsp_team",
                ["Logging__LogLevel__Default"] = "Trace",
            },
            StandardErrorLines = logs.Enqueue,
        });
        await using var client = await McpClient.CreateAsync(transport);

        var found = await client.CallToolAsync("search_memories", new Dictionary<string, object?> { ["query"] = "jasmine" });
        var failed = await client.CallToolAsync("search_memories", new Dictionary<string, object?> { ["query"] = "jasmine", ["limit"] = 1000 });

        Assert.NotEqual(true, found.IsError);
        Assert.True(failed.IsError);
        Assert.Contains(logs, line => line.Contains($"act for user user_configured in workspace wsp_team on Mielto at {server.BaseAddress}", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(Text(found));
        Assert.Equal("m1", Assert.Single(json.RootElement.GetProperty("memories").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("invalid_argument", Text(failed), StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("wsp_team", r.Headers["X-Workspace-Id"]));
        Assert.NotEmpty(logs);
        Assert.All(logs, line => Assert.DoesNotContain(server.ApiKey, line, StringComparison.Ordinal));
        Assert.DoesNotContain(server.ApiKey, Text(found) + Text(failed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_collections_configured_it_serves_search_knowledge_over_those_collections_only()
    {
        await using var server = await Mielto.Client.Testing.MieltoTestServer.StartAsync();
        server.AddCollection("col_docs", "Docs");
        server.AddCollection("col_hr", "HR");
        server.AddChunk("col_docs", "Green tea is brewed at 80 degrees.", source: "tea.md");
        server.AddChunk("col_hr", "Green tea allowance is 10 euros a month.", source: "pay.md");
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var client = await McpClient.CreateAsync(Transport(
            new() { ["Mielto__ApiKey"] = server.ApiKey, ["Mielto__BaseAddress"] = server.BaseAddress.ToString(), ["Mielto__CollectionIds"] = "col_docs" },
            logs.Enqueue));

        var tools = await client.ListToolsAsync();
        var found = await client.CallToolAsync("search_knowledge", new Dictionary<string, object?> { ["query"] = "green tea", ["collection_id"] = "col_hr" });

        Assert.Equal(["search_memories", "add_memory", "list_memories", "search_knowledge"], tools.Select(t => t.Name));
        Assert.DoesNotContain("collection", tools[^1].JsonSchema.GetProperty("properties").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(true, found.IsError);
        Assert.Contains("80 degrees", Text(found), StringComparison.Ordinal);
        Assert.DoesNotContain("allowance", Text(found), StringComparison.Ordinal);
        Assert.Contains(logs, line => line.Contains("search_knowledge (collections col_docs)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_reports_its_package_version_and_flags_a_failed_call_as_an_error()
    {
        var failed = await _client.CallToolAsync("list_memories", new Dictionary<string, object?> { ["limit"] = 0 });

        Assert.True(failed.IsError);
        Assert.Contains("\"error\":\"invalid_argument\"", Text(failed), StringComparison.Ordinal);
        Assert.Equal("mielto-memory", _client.ServerInfo!.Name);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", _client.ServerInfo.Version);
        Assert.NotEqual("0.0.0.0", _client.ServerInfo.Version);
    }

    [Fact]
    public async Task It_reads_its_own_user_secrets_and_stores_into_the_server_they_name()
    {
        await using var server = await Mielto.Client.Testing.MieltoTestServer.StartAsync();
        var appData = Directory.CreateTempSubdirectory("mielto-mcp-secrets");
        try
        {
            var secrets = Path.Combine(appData.FullName, "Microsoft", "UserSecrets", "mielto-mcp");
            Directory.CreateDirectory(secrets);
            await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), $$"""{"Mielto:ApiKey":"{{server.ApiKey}}","Mielto:BaseAddress":"{{server.BaseAddress}}","Mielto:UserId":"user_secret"}""");
            var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await using var client = await McpClient.CreateAsync(Transport(new() { ["APPDATA"] = appData.FullName }, logs.Enqueue));

            var added = await client.CallToolAsync("add_memory", new Dictionary<string, object?> { ["content"] = "kept on the named server" });

            Assert.NotEqual(true, added.IsError);
            var stored = Assert.Single(server.Memories);
            Assert.Equal(("user_secret", "kept on the named server"), (stored.UserId, stored.Content));
            Assert.Contains(logs, line => line.Contains($"on Mielto at {server.BaseAddress}", StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains("STAND-IN", StringComparison.Ordinal));
        }
        finally
        {
            appData.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_key_it_says_on_standard_error_that_it_runs_on_the_stand_in()
    {
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var client = await McpClient.CreateAsync(Transport(new() { ["Mielto__ApiKey"] = string.Empty }, logs.Enqueue));

        await client.ListToolsAsync();

        Assert.Contains(logs, line => line.Contains("no Mielto:ApiKey is set, so the tools (search_memories, add_memory, list_memories) act for user mcp_user on an EMBEDDED STAND-IN at http://127.0.0.1:", StringComparison.Ordinal)
            && line.Contains("lost when it stops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_without_a_key_is_refused_at_start_rather_than_served_by_the_stand_in()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        start.ArgumentList.Add(ServerPath());
        start.Environment["Mielto__BaseAddress"] = "https://mielto.example/";
        start.Environment["Mielto__ApiKey"] = string.Empty;
        start.Environment["APPDATA"] = Path.Combine(Path.GetTempPath(), "mielto-mcp-no-secrets");
        using var process = System.Diagnostics.Process.Start(start)!;

        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Mielto:BaseAddress is set (https://mielto.example/) but Mielto:ApiKey is not", error, StringComparison.Ordinal);
        Assert.Empty(await process.StandardOutput.ReadToEndAsync());
    }

    private static StdioClientTransport Transport(Dictionary<string, string?> environment, Action<string> errorLines)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["APPDATA"] = Path.Combine(Path.GetTempPath(), "mielto-mcp-no-secrets"),
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return new StdioClientTransport(new StdioClientTransportOptions { Name = "mielto-mcp", Command = "dotnet", Arguments = [ServerPath()], EnvironmentVariables = variables, StandardErrorLines = errorLines });
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    /// <summary>The sample's own build output, of the same configuration as this test assembly.</summary>
    private static string ServerPath()
    {
        var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var root = new DirectoryInfo(here);
        while (!File.Exists(Path.Combine(root.FullName, "Mielto.Client.sln")))
        {
            root = root.Parent!;
        }

        return Path.Combine(root.FullName, "samples", "Mielto.Mcp", "bin", configuration, "net10.0", "mielto-mcp.dll");
    }
}
