using Mielto.Client.Sample;

return await MieltoCli.RunAsync(args, CliEnvironment.FromConsole());
