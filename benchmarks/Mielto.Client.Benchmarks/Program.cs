using BenchmarkDotNet.Running;
using Mielto.Client.Benchmarks;

if (args is ["probe", .. var profile])
{
    return await Probe.RunAsync(profile is [var variant] ? variant : null);
}

if (args is ["paired", .. var count])
{
    return await Paired.RunAsync(count is [var pairs] ? int.Parse(pairs, System.Globalization.CultureInfo.InvariantCulture) : 31);
}

if (args is ["alternating", .. var runs])
{
    return AlternatingRuns.Run(runs is [var pairs] ? int.Parse(pairs, System.Globalization.CultureInfo.InvariantCulture) : 7);
}

if (args is ["serve", .. var size])
{
    return await StubServer.RunAsync(size is [var memories] ? int.Parse(memories, System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args is ["remote", .. var settings])
{
    var pairCount = settings is [var p, ..] ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 11;
    var listed = settings is [_, var l] ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    return await Remote.RunAsync(pairCount, listed);
}

if (args is ["cold-start", ..])
{
    return await ColdStart.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
