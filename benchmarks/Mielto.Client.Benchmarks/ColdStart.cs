using System.Diagnostics;
using System.Globalization;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// Times whole processes, from start to exit after the first completed delete: the raw program against the one
/// that uses <c>new MieltoClient</c>, alternating, against the same minimal server.
/// </summary>
internal static class ColdStart
{
    private static readonly string[] Names = ["Raw", "Sdk"];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
        var root = FindRepositoryRoot();
        var programs = Names.ToDictionary(name => name, name => Path.Combine(root, "benchmarks", "ColdStart", name), StringComparer.Ordinal);
        foreach (var project in programs.Values)
        {
            await RunAsync("dotnet", $"build \"{project}\" -c Release -v q -nologo");
        }

        await using var server = await MinimalServer.StartAsync();
        var times = programs.Keys.ToDictionary(name => name, _ => new List<double>(), StringComparer.Ordinal);
        for (var i = 0; i < runs + 1; i++)
        {
            foreach (var (name, project) in programs)
            {
                var dll = Path.Combine(project, "bin", "Release", "net10.0", $"ColdStart.{name}.dll");
                var elapsed = await RunAsync("dotnet", $"\"{dll}\" {server.BaseAddress}");
                if (i > 0)
                {
                    // The first round only warms the disk cache.
                    times[name].Add(elapsed.TotalMilliseconds);
                }
            }
        }

        var raw = Stats.Median(times["Raw"]);
        var sdk = Stats.Median(times["Sdk"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start, median of {runs} runs: raw {raw:0.0} ms, SDK (new MieltoClient) {sdk:0.0} ms, ratio {sdk / raw:0.00}"));
        return 0;
    }

    private static async Task<TimeSpan> RunAsync(string file, string arguments)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = watch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {await output}{await error}");
        }

        return elapsed;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mielto.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
