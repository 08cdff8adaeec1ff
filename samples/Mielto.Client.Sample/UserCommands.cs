using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Mielto.Client.Sample;

/// <summary>The commands on a user's whole memory: <c>erase-user</c> and <c>export-user</c>.</summary>
internal static class UserCommands
{
    public static IEnumerable<Command> Build(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        yield return Erase(environment, withMemories);
        yield return Export(environment, withMemories);
    }

    private static Command Erase(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var userId = UserIdArgument("The user whose memories are all deleted.");
        var json = new Option<bool>("--json") { Description = "Write the summary as one JSON object (and no progress line)." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (required without a terminal)." };
        var parallel = new Option<int>("--parallel") { Description = "The most deletes at once (1 to 64); fewer under rate limiting.", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel must be between 1 and 64.");
            }
        });
        var (workspaceId, standIn) = CommonOptions();
        var command = new Command("erase-user", "Delete every memory of a user (a right-to-erasure request), at the pace the server allows.")
        {
            userId, yes, parallel, json, workspaceId, standIn,
        };
        command.SetAction((parse, token) => withMemories(parse, parse.GetValue(standIn), (memories, cancel) =>
            new UserErasureRun(memories, environment, parse.GetValue(json)).RunAsync(parse.GetValue(userId)!, parse.GetValue(workspaceId), parse.GetValue(yes), parse.GetValue(parallel), cancel), token));
        return command;
    }

    private static Command Export(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var userId = UserIdArgument("The user whose memories are exported.");
        var output = new Option<string?>("--out") { Description = "The file to write (JSON lines); standard output by default.", HelpName = "FILE" };
        var (workspaceId, standIn) = CommonOptions();
        var command = new Command("export-user", "Write every memory of a user as JSON lines (the API's own object, one per line); the output is always JSON.")
        {
            userId, output, workspaceId, standIn,
        };
        command.SetAction((parse, token) => withMemories(parse, parse.GetValue(standIn), async (memories, cancel) =>
        {
            var user = parse.GetValue(userId)!;
            var path = parse.GetValue(output);
            var watch = Stopwatch.StartNew();
            var lines = 0;
            void Progress(int added)
            {
                lines += added;
                if (environment.ErrorIsTerminal)
                {
                    environment.Error.Write($"\r\u001b[Kexported {lines} memories");
                }
            }

            try
            {
                long written;
                if (path is null)
                {
                    await using var stdout = new TextWriterStream(environment.Out, Progress);
                    written = await memories.ExportForUserAsync(user, stdout, parse.GetValue(workspaceId), cancel);
                }
                else
                {
                    await using var file = new TextWriterStream(new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)), Progress);
                    written = await memories.ExportForUserAsync(user, file, parse.GetValue(workspaceId), cancel);
                }

                environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(environment.ErrorIsTerminal ? "\r\u001b[K" : string.Empty)}Exported {written} memories of {user} to {path ?? "standard output"} in {watch.Elapsed.TotalSeconds:0.0} s."));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                environment.Error.WriteLine($"Cancelled after {lines} memories; the export is incomplete.");
                return ExitCodes.Cancelled;
            }
            catch (Exception error) when (error is MieltoException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine(CliErrors.Describe(error));
                return error is IOException or UnauthorizedAccessException ? ExitCodes.Usage : ExitCodes.For(error);
            }
        }, token));
        return command;
    }

    /// <summary>A user id, refused when empty before anything is sent: an empty <c>user_id</c> filter would list every user.</summary>
    private static Argument<string> UserIdArgument(string description)
    {
        var userId = new Argument<string>("userId") { Description = description };
        userId.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("The user id must not be empty: give the id of the user whose memories to act on.");
            }
        });
        return userId;
    }

    private static (Option<string?> WorkspaceId, Option<bool> StandIn) CommonOptions() =>
        (new Option<string?>("--workspace-id") { Description = "The workspace (sent as X-Workspace-Id); default from configuration." },
         new Option<bool>("--stand-in") { Description = "Run against the embedded stand-in (seeded with demo memories) instead of the configured API." });
}
