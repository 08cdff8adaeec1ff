using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI;

/// <summary>
/// Recall, framing and storing of an end user's memories, in one place for every way a model reaches Mielto memory
/// (the chat middleware today): a recall within a time budget, framed as untrusted data; a store queued on the writer,
/// off the caller's path; the redaction hook on both. The user and workspace always come from the caller's code.
/// </summary>
internal sealed class MemoryEngine(IMemoriesClient memories, MieltoMemoryChatOptions options, MieltoMemoryWriter writer, ILogger logger)
{
    /// <summary>
    /// The user's memories most relevant to <paramref name="query"/>, framed as untrusted data in one message of
    /// <see cref="MieltoMemoryChatOptions.RecallRole"/>; null when none is found, or when the recall fails or takes
    /// longer than <see cref="MieltoMemoryChatOptions.RecallTimeout"/> (logged at Warning).
    /// </summary>
    public async Task<ChatMessage?> RecallAsync(string userId, string? workspaceId, string query, CancellationToken cancellationToken)
    {
        MemorySearchResponse found;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.RecallTimeout);
        try
        {
            found = await memories.SearchAsync(
                new MemorySearchRequest { Query = query, UserId = userId, Limit = options.MaxMemories, RetrievalMethod = options.RetrievalMethod },
                workspaceId,
                budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.RecallTimedOut(logger, options.RecallTimeout.TotalMilliseconds);
            return null;
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            Log.RecallFailed(logger, error);
            return null;
        }

        var recalled = options.Redact is { } redact
            ? found.Memories.Select(m => redact(m.Content) is { } kept ? m with { Content = kept } : null).OfType<Memory>()
            : found.Memories;
        if (RecalledMemories.Frame(recalled, options.MaxMemories, options.MaxCharacters) is not { } text)
        {
            return null;
        }

        return new ChatMessage(options.RecallRole, text);
    }

    /// <summary>
    /// Queues what the user said (and the answer, for <see cref="MieltoMemoryStorage.FromMessages"/>) on the writer:
    /// only once the response is complete, so that a call that fails or is cancelled stores nothing, and never awaited.
    /// </summary>
    public void Store(string userId, string? workspaceId, string userText, string answer)
    {
        if (options.Storage is not (MieltoMemoryStorage.UserMessages or MieltoMemoryStorage.FromMessages))
        {
            return;
        }

        var said = options.Redact is { } redact ? redact(userText) : userText;
        var answered = options.Storage != MieltoMemoryStorage.FromMessages ? string.Empty : options.Redact is { } redactAnswer ? redactAnswer(answer) ?? string.Empty : answer;
        if (!string.IsNullOrWhiteSpace(said))
        {
            writer.Enqueue(new MemoryStore(options.Storage, userId, workspaceId, said, answered));
        }
    }
}
