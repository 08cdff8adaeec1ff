using System.Diagnostics;
using System.Text.RegularExpressions;
using Mielto.Client.Sample;
using Mielto.Client.Testing;

namespace Mielto.Client.Tests.Docs;

/// <summary>
/// Every command line of the sample tool in the docs runs, in a shell, against the stand-in seeded with the demo
/// memories, and exits with the code its comment gives (<c># exit 2</c>), or 0.
/// </summary>
public sealed partial class CommandTests : IAsyncLifetime
{
    private const string RunFromClone = "dotnet run --project samples/Mielto.Client.Sample";

    private MieltoTestServer _server = null!;
    private DirectoryInfo _directory = null!;

    public static TheoryData<string, string> Commands()
    {
        var commands = new TheoryData<string, string>();
        foreach (var block in DocPages.Blocks.Where(b => b.Language is "bash" or "sh" or "shell"))
        {
            foreach (var line in block.Text.Split('\n'))
            {
                if (ToolCommand().IsMatch(line) || line.StartsWith(RunFromClone, StringComparison.Ordinal))
                {
                    commands.Add(block.ToString(), line);
                }
            }
        }

        return commands;
    }

    public async Task InitializeAsync()
    {
        _server = await MieltoTestServer.StartAsync();
        DemoData.Seed(_server);
        _directory = Directory.CreateTempSubdirectory("mielto-docs");
        var shim = Path.Combine(_directory.FullName, "bin", "mielto");
        Directory.CreateDirectory(Path.GetDirectoryName(shim)!);
        await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet \"{typeof(MieltoCli).Assembly.Location}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_tool_command_in_the_docs_exits_with_the_code_they_give(string where, string command)
    {
        var expected = ExitComment().Match(command) is { Success: true } exit ? int.Parse(exit.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var line = command.StartsWith(RunFromClone, StringComparison.Ordinal) ? "mielto " + command[RunFromClone.Length..].TrimStart().TrimStart('-').TrimStart() : command;

        // The bare command is the walkthrough that runs when no key is configured: it gets none.
        var bare = string.IsNullOrWhiteSpace(line.Split('#')[0].Trim()[("mielto".Length)..]);
        var (code, output, error) = await RunAsync(line, withKey: !bare);

        Assert.True(code == expected, $"{where}: `{command}` exited {code}, where the docs say {expected}.\nstdout:\n{output}\nstderr:\n{error}");
    }

    [Fact]
    public void The_commands_are_found_in_the_docs()
    {
        var commands = Commands().Select(row => (string)row[1]).ToList();

        Assert.Contains(commands, c => c.StartsWith(RunFromClone, StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("mielto erase-user", StringComparison.Ordinal));
        Assert.Contains(commands, c => ExitComment().IsMatch(c));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string line, bool withKey)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _directory.FullName };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line);
        start.Environment["PATH"] = Path.Combine(_directory.FullName, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["MIELTO__APIKEY"] = withKey ? _server.ApiKey : string.Empty;
        if (withKey)
        {
            start.Environment["MIELTO__BASEADDRESS"] = _server.BaseAddress.ToString();
        }
        start.Environment["MIELTO__RETRYDELAY"] = "00:00:00.010";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"^(?:[^#]*&&\s*)?mielto(?:\s|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ToolCommand();

    [GeneratedRegex(@"#.*\bexit (?<code>\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExitComment();
}
