using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mielto.Client.Sample;

/// <summary>What every command of the tool shares: the workspace, <c>--json</c> and <c>--stand-in</c> options, one SDK client, and failures mapped to exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Runs a body with the SDK client the command line configures (or the stand-in).</summary>
    public delegate Task<int> WithClient<TClient>(ParseResult parse, bool standIn, Func<TClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken);

    /// <summary>What every command shares: where it acts, and how it answers.</summary>
    public sealed record Common(string? WorkspaceId, bool Json);

    /// <summary>Adds the options every command has, and runs <paramref name="body"/> with the SDK, mapping failures to exit codes.</summary>
    public static Command Define<TClient>(Command command, CliEnvironment environment, WithClient<TClient> withClient, Func<ParseResult, TClient, Common, CancellationToken, Task<int>> body)
    {
        var workspaceId = new Option<string?>("--workspace-id") { Description = "The workspace (sent as X-Workspace-Id); default from configuration." };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON: the API's own object (JSON lines for list)." };
        var standIn = new Option<bool>("--stand-in") { Description = "Run against the embedded stand-in (seeded with demo memories) instead of the configured API." };
        command.Options.Add(workspaceId);
        command.Options.Add(json);
        command.Options.Add(standIn);
        command.SetAction((parse, token) => withClient(parse, parse.GetValue(standIn), async (client, cancel) =>
        {
            try
            {
                return await body(parse, client, new Common(parse.GetValue(workspaceId), parse.GetValue(json)), cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                environment.Error.WriteLine("cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception error) when (error is MieltoException or ArgumentException or UsageException or IOException)
            {
                environment.Error.WriteLine(CliErrors.Describe(error));
                return error is UsageException or IOException ? ExitCodes.Usage : ExitCodes.For(error);
            }
        }, token));
        return command;
    }

    public static int Write<T>(CliEnvironment environment, Common common, T result, JsonTypeInfo<T> type, Action readable)
    {
        if (common.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(result, type));
        }
        else
        {
            readable();
        }

        return ExitCodes.Success;
    }
}
