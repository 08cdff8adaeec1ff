using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mielto.Client.Sample;

/// <summary>
/// <c>erase-user</c>: counts the user's memories, asks for confirmation on a terminal, erases them with a live
/// progress line, and ends with a summary; cancelled, it says how far it came and that running it again finishes.
/// </summary>
internal sealed class UserErasureRun(IMemoriesClient memories, CliEnvironment environment, bool json)
{
    public async Task<int> RunAsync(string userId, string? workspaceId, bool yes, int parallel, CancellationToken cancellationToken)
    {
        try
        {
            var found = 0;
            await foreach (var memory in memories.ListAllAsync(new MemoryListOptions { UserId = userId, Limit = 100 }, workspaceId, cancellationToken))
            {
                found += string.Equals(memory.UserId, userId, StringComparison.Ordinal) ? 1 : 0;
            }

            environment.Error.WriteLine($"Found {found} memories of {userId}.");
            if (!yes && !Confirmed(userId, found))
            {
                return ExitCodes.Usage;
            }

            var watch = Stopwatch.StartNew();
            var last = new MemoryEraseProgress(0, 0, 0, 0);
            var progress = new LineProgress(p =>
            {
                last = p;
                if (environment.ErrorIsTerminal && !json)
                {
                    var rate = (p.Deleted + p.AlreadyGone) / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                    environment.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[Kfound {p.Found}, deleted {p.Deleted}, already gone {p.AlreadyGone}, failed {p.Failed}, {rate:0} /s"));
                }
            });
            try
            {
                var result = await memories.DeleteAllForUserAsync(userId, new MemoryEraseOptions { WorkspaceId = workspaceId, MaxConcurrency = parallel, Progress = progress }, cancellationToken);
                ClearLine();
                if (json)
                {
                    WriteJson(userId, result, watch.Elapsed);
                }
                else
                {
                    WriteText(userId, result, watch.Elapsed);
                }

                return result.Complete ? ExitCodes.Success : result.Failed.Max(f => ExitCodes.For(f.Exception));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ClearLine();
                environment.Out.WriteLine($"Cancelled: {last.Deleted} deleted, {last.AlreadyGone} already gone so far. Run the same command again to finish.");
                return ExitCodes.Cancelled;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine("Cancelled before anything was deleted.");
            return ExitCodes.Cancelled;
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            ClearLine();
            environment.Error.WriteLine(CliErrors.Describe(error));
            return ExitCodes.For(error);
        }
    }

    private bool Confirmed(string userId, int found)
    {
        if (!environment.IsTerminal || !environment.InputIsTerminal)
        {
            environment.Error.WriteLine("Refusing to erase without confirmation: there is no terminal to ask on. Pass --yes to erase anyway.");
            return false;
        }

        environment.Error.Write($"Delete all {found} memories of {userId}? This cannot be undone. Type 'yes' to go on: ");
        if (string.Equals(environment.In.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        environment.Error.WriteLine("Not confirmed: nothing was deleted.");
        return false;
    }

    private void WriteText(string userId, MemoryEraseResult result, TimeSpan elapsed)
    {
        environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Erased {userId} in {elapsed.TotalSeconds:0.0} s: {result.Deleted} deleted, {result.AlreadyGone} already gone, {result.Skipped} skipped (another user's, listed by the server), {result.Failed.Count} failed."));
        foreach (var failure in result.Failed)
        {
            environment.Out.WriteLine($"failed        {failure.MemoryId}  {(failure.Exception as MieltoApiException)?.Detail ?? CliErrors.Describe(failure.Exception)}");
        }

        environment.Out.WriteLine(result.Complete ? "Complete: nothing of the user is left." : "Not complete: run the same command again to retry what failed.");
    }

    /// <summary>The summary as one JSON object: the counts, each failure with its kind, status and reason, and whether it is complete.</summary>
    private void WriteJson(string userId, MemoryEraseResult result, TimeSpan elapsed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, SampleJson.Writer))
        {
            writer.WriteStartObject();
            writer.WriteString("user_id", userId);
            writer.WriteNumber("found", result.Found);
            writer.WriteNumber("deleted", result.Deleted);
            writer.WriteNumber("already_gone", result.AlreadyGone);
            writer.WriteNumber("skipped", result.Skipped);
            writer.WriteStartArray("failed");
            foreach (var failure in result.Failed)
            {
                writer.WriteStartObject();
                writer.WriteString("memory_id", failure.MemoryId);
                writer.WriteString("error", CliErrors.Kind(failure.Exception));
                if (failure.StatusCode is { } status)
                {
                    writer.WriteNumber("status", (int)status);
                }

                writer.WriteString("message", (failure.Exception as MieltoApiException)?.Detail ?? CliErrors.Describe(failure.Exception));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("complete", result.Complete);
            writer.WriteNumber("elapsed_seconds", Math.Round(elapsed.TotalSeconds, 3));
            writer.WriteEndObject();
        }

        environment.Out.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private void ClearLine()
    {
        if (environment.ErrorIsTerminal)
        {
            environment.Error.Write("\r\u001b[K");
        }
    }

    /// <summary>Reports on the SDK's thread: the SDK already reports one at a time, so no synchronisation context is needed.</summary>
    private sealed class LineProgress(Action<MemoryEraseProgress> report) : IProgress<MemoryEraseProgress>
    {
        public void Report(MemoryEraseProgress value) => report(value);
    }
}
