using System.Diagnostics;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Packaging;

/// <summary>
/// Consumer proof: packs Mielto.Client, Mielto.Client.Testing, Mielto.Client.AI and Mielto.Client.Agents into a local
/// folder feed, creates a fresh console project outside the solution that references them by version from that feed
/// only, builds it and runs it against the stand-in, through the SDK, a memory tool and an Agent Framework agent. This is what catches a missing dependency, a wrong TFM or a broken layout.
/// </summary>
public sealed class ConsumerProofTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mielto-consumer-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task A_fresh_project_using_the_packed_packages_deletes_a_memory()
    {
        var root = RepositoryRoot();
        var feed = Path.Combine(_work.FullName, "feed");
        foreach (var project in new[] { "Mielto.Client", "Mielto.Client.Testing", "Mielto.Client.AI", "Mielto.Client.Agents" })
        {
            await RunAsync(root, "dotnet", "pack", Path.Combine(root, "src", project, project + ".csproj"), "-c", "Release", "-o", feed, "-nologo");
        }

        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "Mielto.Client.Testing.*.nupkg").Single());
        var version = package["Mielto.Client.Testing.".Length..];
        Assert.True(File.Exists(Path.Combine(feed, $"Mielto.Client.{version}.snupkg")), "symbols are packed");
        Assert.True(File.Exists(Path.Combine(feed, $"Mielto.Client.AI.{version}.snupkg")), "symbols are packed");
        Assert.True(File.Exists(Path.Combine(feed, $"Mielto.Client.Agents.{version}.snupkg")), "symbols are packed");
        await ForgetCachedPackagesAsync(version);

        // Mielto.* may come from the local feed only; everything else from the sources this machine already uses.
        var registries = string.Concat((await EnabledSourcesAsync()).Select(name => $"""
                <packageSource key="{name}">
                  <package pattern="*" />
                </packageSource>
            """));
        var consumer = Path.Combine(_work.FullName, "consumer");
        Directory.CreateDirectory(consumer);
        var nugetConfig = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mielto-local" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="mielto-local">
                  <package pattern="Mielto.*" />
                </packageSource>
            {registries}
              </packageSourceMapping>
            </configuration>
            """;
        output.WriteLine(nugetConfig);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), nugetConfig);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mielto.Client" Version="{version}" />
                <PackageReference Include="Mielto.Client.Testing" Version="{version}" />
                <PackageReference Include="Mielto.Client.AI" Version="{version}" />
                <PackageReference Include="Mielto.Client.Agents" Version="{version}" />
                <PackageReference Include="Microsoft.Agents.AI" Version="1.28.0" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Mielto.Client;
            using Mielto.Client.Agents;
            using Mielto.Client.AI;
            using Mielto.Client.Testing;

            await using var server = await MieltoTestServer.StartAsync();
            server.AddMemory("mem_consumer", userId: "user_1");
            using var client = server.CreateClient();
            MemoryDeleteResponse deleted = await client.Memories.DeleteAsync("mem_consumer", userId: "user_1");
            Console.WriteLine($"deleted {deleted.MemoryId}: {deleted.Message}; left {server.Memories.Count}");

            var add = (AIFunction)new MieltoMemoryTools(client.Memories).For("user_1").Single(t => t.Name == MieltoMemoryTools.AddMemory);
            var stored = await add.InvokeAsync(new AIFunctionArguments { ["content"] = "likes tea" });
            Console.WriteLine($"tool {add.Name}: {stored}; {server.Memories.Single().UserId} has \"{server.Memories.Single().Content}\"");

            await using var provider = new MieltoMemoryProvider(client.Memories, _ => new MieltoMemoryScope("user_1"));
            var agent = new ChatClientAgent(new CountingModel(), new ChatClientAgentOptions { AIContextProviders = [provider] });
            var answer = await agent.RunAsync("I drink oolong tea", await agent.CreateSessionAsync());
            await agent.GetService<MieltoMemoryProvider>()!.FlushAsync();
            Console.WriteLine($"agent: {answer.Text}; stored \"{server.Memories.Single(m => m.Content != "likes tea").Content}\"");

            sealed class CountingModel : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"{messages.Count(MieltoMemoryEngine.IsRecalled)} recalled block")));

                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    throw new NotSupportedException();

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose()
                {
                }
            }
            """);

        var result = await RunAsync(consumer, "dotnet", "run", "--project", consumer, "-nologo");

        Assert.Contains("deleted mem_consumer: Memory deleted successfully; left 0", result);
        Assert.Contains("tool add_memory: {\"status\":\"stored\",\"memory_id\":\"mem_", result);
        Assert.Contains("user_1 has \"likes tea\"", result);
        Assert.Contains("agent: 1 recalled block; stored \"I drink oolong tea\"", result);
    }

    [Fact]
    public async Task The_sample_tool_packs_as_a_dotnet_tool_that_installs_the_mielto_command()
    {
        var root = RepositoryRoot();
        var feed = Path.Combine(_work.FullName, "feed");
        await RunAsync(root, "dotnet", "pack", Path.Combine(root, "samples", "Mielto.Client.Sample", "Mielto.Client.Sample.csproj"), "-c", "Release", "-o", feed, "-nologo");
        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "Mielto.Client.Tool.*.nupkg").Single());
        await ForgetCachedPackagesAsync(package["Mielto.Client.Tool.".Length..], "mielto.client.tool");
        var tools = Path.Combine(_work.FullName, "tools");

        await RunAsync(_work.FullName, "dotnet", "tool", "install", "--tool-path", tools, "Mielto.Client.Tool", "--prerelease", "--add-source", feed);
        var listed = await RunAsync(_work.FullName, Path.Combine(tools, OperatingSystem.IsWindows() ? "mielto.exe" : "mielto"), "list", "--stand-in", "--user-id", "user_bob");

        Assert.Contains("Bob has a dog called Pixel", listed);
        Assert.Contains("1 memories", listed);
    }

    private async Task<IReadOnlyList<string>> EnabledSourcesAsync()
    {
        var listing = await RunAsync(_work.FullName, "dotnet", "nuget", "list", "source");
        // Lines such as "  1.  nuget.org [Enabled]".
        return [.. listing.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.EndsWith("[Enabled]", StringComparison.Ordinal) && line.Contains('.', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('.', StringComparison.Ordinal) + 1)..^"[Enabled]".Length].Trim())];
    }

    private async Task ForgetCachedPackagesAsync(string version, params string[] ids)
    {
        // The same version packed again must not be served from the machine's package cache.
        var locals = await RunAsync(_work.FullName, "dotnet", "nuget", "locals", "global-packages", "--list");
        var cache = locals[(locals.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        foreach (var id in ids.Length > 0 ? ids : ["mielto.client", "mielto.client.testing", "mielto.client.ai", "mielto.client.agents"])
        {
            var cached = new DirectoryInfo(Path.Combine(cache, id, version.ToLowerInvariant()));
            if (cached.Exists)
            {
                cached.Delete(recursive: true);
            }
        }
    }

    private async Task<string> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The consumer must not inherit anything of this test run's build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        output.WriteLine($"$ {file} {string.Join(' ', arguments)}\n{text}");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mielto.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
