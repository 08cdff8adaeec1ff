using BenchmarkDotNet.Running;
using Mielto.Client.Benchmarks;

if (args is ["probe", .. var profile])
{
    return await Probe.RunAsync(profile is [var variant] ? variant : null);
}

if (args is ["cold-start", ..])
{
    return await ColdStart.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
