using Mielto.Client.Sample;

namespace Mielto.Client.Tests.Sample;

/// <summary>One run of the sample tool, in-process: its exit code and what it wrote.</summary>
internal sealed record SampleRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs the tool with no API key from the machine's environment, only what the test gives.</summary>
    public static async Task<SampleRun> RunAsync(string[] args, string input = "", Dictionary<string, string?>? configuration = null, bool terminal = false, TextReader? reader = null, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Mielto:ApiKey"] = string.Empty, ["Mielto:RetryDelay"] = "00:00:00.001" };
        foreach (var (key, value) in configuration ?? [])
        {
            settings[key] = value;
        }

        var exitCode = await MieltoCli.RunAsync(args, new CliEnvironment(output, error, reader ?? new StringReader(input), IsTerminal: terminal, settings, ErrorIsTerminal: terminal, InputIsTerminal: terminal), cancellationToken);
        return new SampleRun(exitCode, output.ToString(), error.ToString());
    }
}
