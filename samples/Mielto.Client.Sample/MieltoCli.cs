using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mielto.Client.Testing;

namespace Mielto.Client.Sample;

/// <summary>The command line: a guided demo by default, and a command per memory operation for real work.</summary>
internal static class MieltoCli
{
    private const string ApiKeyKey = "Mielto:ApiKey";

    private static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = "The Mielto API key. Prefer MIELTO__APIKEY or user secrets: a key on the command line shows in the process list.",
        Recursive = true,
    };

    private static readonly Option<string?> BaseAddressOption = CreateBaseAddressOption();

    private static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Log the SDK's calls and retries to standard error.",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default) =>
        Build(environment).Parse(args).InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, cancellationToken);

    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand($"""
            Creates, reads, lists, searches, updates, replaces and deletes Mielto memories with the Mielto.Client SDK.
            With no API key configured and no command, runs a guided demo against an embedded stand-in of the API.
            Configuration: appsettings.json, environment variables (MIELTO__APIKEY, MIELTO__BASEADDRESS, MIELTO__WORKSPACEID), user secrets and the options below.
            """)
        {
            Options = { ApiKeyOption, BaseAddressOption, VerboseOption },
        };

        // The exit codes once, at the end of every command's help (the root's included), not in each description:
        // the root's help lists every command's description.
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
        root.Subcommands.Add(BuildDemo(environment));
        foreach (var command in MemoryCommands.Build(environment, (parse, standIn, body, token) => WithClientAsync(parse, environment, standIn, body, token)))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(BuildDelete(environment));
        foreach (var command in KnowledgeCommands.Build(environment, (parse, standIn, body, token) => WithClientAsync(parse, environment, standIn, body, token)))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ChatCommands.Build(environment, (parse, standIn, body, token) => WithClientAsync(parse, environment, standIn, body, token)));
        foreach (var command in UserCommands.Build(environment, (parse, standIn, body, token) => WithClientAsync(parse, environment, standIn, body, token)))
        {
            root.Subcommands.Add(command);
        }
        root.SetAction(async (parse, token) =>
        {
            using var probe = CreateHost(parse, environment, standIn: null);
            if (string.IsNullOrEmpty(probe.Services.GetRequiredService<IConfiguration>()[ApiKeyKey]))
            {
                return await RunDemoAsync(parse, environment, token);
            }

            environment.Error.WriteLine("An API key is configured, so the demo does not run against the real API. Use a command such as `list` or `delete <memoryId>`, or `demo` for the stand-in; see --help.");
            return ExitCodes.Usage;
        });
        return root;
    }

    private static Command BuildDemo(CliEnvironment environment)
    {
        var demo = new Command("demo", "Walk through the SDK's behaviour against the embedded stand-in (never the real API).");
        demo.SetAction((parse, token) => RunDemoAsync(parse, environment, token));
        return demo;
    }

    private static Command BuildDelete(CliEnvironment environment)
    {
        var ids = new Argument<string[]>("memoryId") { Description = "The ids of the memories to delete.", Arity = ArgumentArity.ZeroOrMore };
        var userId = new Option<string?>("--user-id") { Description = "The user who owns the memories (sent as user_id)." };
        var workspaceId = new Option<string?>("--workspace-id") { Description = "The workspace (sent as X-Workspace-Id); default from configuration." };
        var ifExists = new Option<bool>("--if-exists") { Description = "Treat a memory that does not exist as success." };
        var fromFile = new Option<string?>("--from-file") { Description = "Read more ids from FILE, one per line ('-' for standard input).", HelpName = "FILE|-" };
        var parallel = new Option<int>("--parallel") { Description = "How many deletes run at once (1 to 64).", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel must be between 1 and 64.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Write the results and the summary as one JSON document." };
        var standIn = new Option<bool>("--stand-in") { Description = "Run against the embedded stand-in (seeded with demo memories) instead of the configured API." };

        var delete = new Command("delete", "Delete one or many memories, with bounded concurrency and a summary.")
        {
            ids, userId, workspaceId, ifExists, fromFile, parallel, json, standIn,
        };
        delete.SetAction(async (parse, token) =>
        {
            var memoryIds = new List<string>(parse.GetValue(ids) ?? []);
            if (parse.GetValue(fromFile) is { } file)
            {
                memoryIds.AddRange(await ReadIdsAsync(file, environment, token));
            }

            if (memoryIds.Count == 0)
            {
                environment.Error.WriteLine("Give at least one memory id, as arguments or with --from-file.");
                return ExitCodes.Usage;
            }

            var request = new DeleteRequest(memoryIds, parse.GetValue(userId), parse.GetValue(workspaceId), parse.GetValue(ifExists), parse.GetValue(parallel), parse.GetValue(json));
            return await WithClientAsync<IMemoriesClient>(parse, environment, parse.GetValue(standIn), (memories, cancel) => new DeleteRunner(memories, environment).RunAsync(request, cancel), token);
        });
        return delete;
    }

    /// <summary>
    /// Runs <paramref name="body"/> with the SDK client that the configuration and command line give, or one pointed
    /// at the embedded stand-in; refuses to run against the real API without a key.
    /// </summary>
    private static async Task<int> WithClientAsync<TClient>(ParseResult parse, CliEnvironment environment, bool standIn, Func<TClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
        where TClient : notnull
    {
        await using var server = standIn ? await StartStandInAsync(cancellationToken) : null;
        using var host = CreateHost(parse, environment, server);
        if (server is null && string.IsNullOrEmpty(host.Services.GetRequiredService<IConfiguration>()[ApiKeyKey]))
        {
            environment.Error.WriteLine("No API key is configured: set MIELTO__APIKEY (or user secrets, or --api-key), or pass --stand-in.");
            return ExitCodes.Usage;
        }

        return TryGet<TClient>(host, environment, out var client) ? await body(client, cancellationToken) : ExitCodes.Usage;
    }

    private static async Task<int> RunDemoAsync(ParseResult parse, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var server = await StartStandInAsync(cancellationToken);
        using var host = CreateHost(parse, environment, server);
        return TryGet<MieltoClient>(host, environment, out var client)
            ? await new DemoRunner(client, server, environment.Out).RunAsync(cancellationToken)
            : ExitCodes.Usage;
    }

    private static async Task<MieltoTestServer> StartStandInAsync(CancellationToken cancellationToken)
    {
        var server = await MieltoTestServer.StartAsync(cancellationToken: cancellationToken);
        DemoData.Seed(server);
        return server;
    }

    private static IHost CreateHost(ParseResult parse, CliEnvironment environment, MieltoTestServer? standIn)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddUserSecrets(typeof(MieltoCli).Assembly, optional: true);
        var overrides = new Dictionary<string, string?>(environment.Configuration ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(ApiKeyOption) is { } apiKey)
        {
            overrides[ApiKeyKey] = apiKey;
        }

        if (parse.GetValue(BaseAddressOption) is { } baseAddress)
        {
            overrides["Mielto:BaseAddress"] = baseAddress;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        if (parse.GetValue(VerboseOption))
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddMieltoClient(builder.Configuration.GetSection("Mielto"));
        if (standIn is not null)
        {
            builder.Services.PostConfigure<MieltoClientOptions>(options =>
            {
                standIn.Configure(options);
                options.RetryDelay = TimeSpan.FromMilliseconds(50);
            });
        }

        return builder.Build();
    }

    private static Option<string?> CreateBaseAddressOption()
    {
        var option = new Option<string?>("--base-address") { Description = "The Mielto API address (default https://api.mielto.com/).", Recursive = true };
        option.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string?>(), UriKind.Absolute, out _))
            {
                result.AddError("--base-address must be an absolute URI, such as https://api.mielto.com/.");
            }
        });
        return option;
    }

    private static bool TryGet<TClient>(IHost host, CliEnvironment environment, out TClient client)
        where TClient : notnull
    {
        try
        {
            client = host.Services.GetRequiredService<TClient>();
            return true;
        }
        catch (OptionsValidationException invalid)
        {
            environment.Error.WriteLine("The Mielto configuration is invalid: " + invalid.Message);
            client = default!;
            return false;
        }
    }

    private static async Task<IEnumerable<string>> ReadIdsAsync(string file, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var text = string.Equals(file, "-", StringComparison.Ordinal) ? await environment.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(file, cancellationToken);
        return text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => !string.IsNullOrWhiteSpace(line));
    }

    /// <summary>The standard help, then the exit codes.</summary>
    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Help);
            return code;
        }
    }
}
