using System.Text;
using System.Text.Json;

namespace Mielto.Client.Sample;

/// <summary>
/// Deletes many memories with bounded concurrency: results as they come, progress on a terminal, a summary at
/// the end, and on cancellation a clear account of what was and was not done.
/// </summary>
internal sealed class DeleteRunner(IMemoriesClient memories, CliEnvironment environment)
{
    private readonly object _gate = new();
    private int _finished;

    public async Task<int> RunAsync(DeleteRequest request, CancellationToken cancellationToken)
    {
        var outcomes = request.MemoryIds.Select(id => new DeleteOutcome(id, OutcomeKind.NotAttempted)).ToArray();
        var showProgress = environment.IsTerminal && !request.Json;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, outcomes.Length),
                new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var outcome = await DeleteOneAsync(request, outcomes[index].MemoryId, token);
                    Report(outcomes, index, outcome, request.Json, showProgress);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The summary below tells what was done before the cancellation.
        }

        if (showProgress)
        {
            environment.Error.Write("\r\u001b[K");
        }

        WriteSummary(outcomes, request.Json, cancellationToken.IsCancellationRequested);
        return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : outcomes.Max(o => o.ExitCode);
    }

    private async Task<DeleteOutcome> DeleteOneAsync(DeleteRequest request, string memoryId, CancellationToken cancellationToken)
    {
        try
        {
            if (request.IfExists)
            {
                return await memories.DeleteIfExistsAsync(memoryId, request.UserId, request.WorkspaceId, cancellationToken)
                    ? new DeleteOutcome(memoryId, OutcomeKind.Deleted)
                    : new DeleteOutcome(memoryId, OutcomeKind.Absent, "already absent");
            }

            var deleted = await memories.DeleteAsync(memoryId, request.UserId, request.WorkspaceId, cancellationToken);
            return new DeleteOutcome(memoryId, OutcomeKind.Deleted, deleted.Message.Length > 0 ? deleted.Message : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeleteOutcome(memoryId, OutcomeKind.Cancelled, "cancelled while in flight: it may or may not have been deleted");
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            return DeleteOutcome.Failure(memoryId, error);
        }
    }

    private void Report(DeleteOutcome[] outcomes, int index, DeleteOutcome outcome, bool json, bool showProgress)
    {
        lock (_gate)
        {
            outcomes[index] = outcome;
            _finished++;
            if (json)
            {
                return;
            }

            if (showProgress)
            {
                environment.Error.Write("\r\u001b[K");
            }

            environment.Out.WriteLine(outcome);
            if (showProgress)
            {
                environment.Error.Write($"[{_finished}/{outcomes.Length}] deleting…");
            }
        }
    }

    private void WriteSummary(DeleteOutcome[] outcomes, bool json, bool cancelled)
    {
        var counts = Enum.GetValues<OutcomeKind>().ToDictionary(kind => kind, kind => outcomes.Count(o => o.Kind == kind));
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, SampleJson.Writer))
            {
                WriteJson(writer, outcomes, counts, cancelled);
            }

            environment.Out.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            return;
        }

        var line = $"Summary: {counts[OutcomeKind.Deleted]} deleted, {counts[OutcomeKind.Absent]} already absent, {counts[OutcomeKind.NotFound]} not found, {counts[OutcomeKind.Failed]} failed";
        if (cancelled)
        {
            line += $"; cancelled: {counts[OutcomeKind.Cancelled]} in flight (may or may not be deleted), {counts[OutcomeKind.NotAttempted]} not attempted";
        }

        environment.Out.WriteLine(line + ".");
        foreach (var reason in outcomes.Where(o => o.Kind == OutcomeKind.Failed).GroupBy(o => o.ErrorType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            environment.Out.WriteLine($"  {reason.Count()} × {reason.Key?.Replace('_', ' ')}");
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, DeleteOutcome[] outcomes, Dictionary<OutcomeKind, int> counts, bool cancelled)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach (var outcome in outcomes)
        {
            outcome.WriteJson(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        foreach (var (kind, count) in counts)
        {
            writer.WriteNumber(DeleteOutcome.LabelOf(kind).Replace(' ', '_'), count);
        }

        writer.WriteBoolean("interrupted", cancelled);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
