using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mielto.Client.Benchmarks;

/// <summary>This benchmark executable started again as a process of its own, with other arguments.</summary>
internal static class Child
{
    /// <summary>Starts it; with <paramref name="talk"/>, its standard input and output are this process's to use.</summary>
    public static Process Start(bool talk, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = talk, RedirectStandardOutput = talk, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Child).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
    }

    /// <summary>Reads a line it wrote.</summary>
    public static async Task<string> ReadAsync(Process child) =>
        await child.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the process ended without an answer");

    /// <summary>
    /// Reads the address and the API key that a stand-in served by <paramref name="server"/> prints first, and builds
    /// the container of the SDK pointed at it, with its default options.
    /// </summary>
    public static async Task<(Uri Address, string ApiKey, ServiceProvider Sdk)> ConnectAsync(Process server)
    {
        var address = new Uri(await ReadAsync(server));
        var apiKey = await ReadAsync(server);
        var services = new ServiceCollection();
        services.AddMieltoClient(o =>
        {
            o.BaseAddress = address;
            o.ApiKey = apiKey;
        });
        return (address, apiKey, services.BuildServiceProvider());
    }

    /// <summary>Closes its standard input, which a server takes as the sign to stop, and waits for it to end.</summary>
    public static async Task StopAsync(Process child)
    {
        child.StandardInput.Close();
        await child.WaitForExitAsync();
    }
}
