using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mielto.Client.AI;

/// <summary>
/// Recall, framing and storing of an end user's memories, in one place for every way a model reaches Mielto memory
/// (the chat middleware <see cref="MieltoMemoryChatClient"/> and the Agent Framework provider of
/// <c>Mielto.Client.Agents</c> are built on it): a recall within a time budget, framed as untrusted data; a store queued
/// on a <see cref="MieltoMemoryWriter"/>, off the caller's path; the redaction hook on both. The user and workspace
/// always come from the caller's code, in a <see cref="MieltoMemoryScope"/>.
/// </summary>
public sealed class MieltoMemoryEngine : IAsyncDisposable, IDisposable
{
    private readonly IMemoriesClient _memories;
    private readonly MieltoMemoryOptions _options;
    private readonly MieltoMemoryWriter _writer;
    private readonly bool _ownsWriter;
    private readonly ILogger _logger;

    /// <summary>An engine over <paramref name="memories"/>.</summary>
    /// <param name="memories">The memories client.</param>
    /// <param name="options">The budgets, the role of recalled text, what to store, the redaction hook; copied and checked.</param>
    /// <param name="writer">Sends the stores off the caller's path; null gives this engine a writer of its own, drained when it is disposed.</param>
    /// <param name="logger">Where failed and slow recalls, and failed, dropped and lost stores, are logged (never their text).</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public MieltoMemoryEngine(IMemoriesClient memories, MieltoMemoryOptions? options = null, MieltoMemoryWriter? writer = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        _memories = memories;
        _options = MieltoMemoryOptions.Validated(options ?? new MieltoMemoryOptions());
        _logger = logger ?? NullLogger.Instance;
        _ownsWriter = writer is null;
        _writer = writer ?? new MieltoMemoryWriter(memories, logger: _logger);
    }

    /// <summary>
    /// The user's memories most relevant to <paramref name="query"/>, framed as untrusted data in one message of
    /// <see cref="MieltoMemoryOptions.RecallRole"/>: a block delimited by tags with a random id, a fixed preamble saying
    /// that the lines are data and carry no instructions, then one JSON string per memory, within
    /// <see cref="MieltoMemoryOptions.MaxMemories"/> and <see cref="MieltoMemoryOptions.MaxCharacters"/>.
    /// </summary>
    /// <param name="scope">Whose memories.</param>
    /// <param name="query">What to search for: the user's latest message, usually.</param>
    /// <param name="cancellationToken">Cancels the recall; the caller's cancellation is not swallowed.</param>
    /// <returns>
    /// The message; null when nothing is found, or when the search fails or takes longer than
    /// <see cref="MieltoMemoryOptions.RecallTimeout"/> (logged at Warning: the run goes on without memories).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="query"/> is null.</exception>
    public async Task<ChatMessage?> RecallAsync(MieltoMemoryScope scope, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        MemorySearchResponse found;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.RecallTimeout);
        try
        {
            found = await _memories.SearchAsync(
                new MemorySearchRequest { Query = query, UserId = scope.UserId, Limit = _options.MaxMemories, RetrievalMethod = _options.RetrievalMethod },
                scope.WorkspaceId,
                budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.RecallTimedOut(_logger, _options.RecallTimeout.TotalMilliseconds);
            return null;
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            Log.RecallFailed(_logger, error);
            return null;
        }

        var texts = found.Memories.Select(m => m.Content);
        var recalled = _options.Redact is { } redact ? texts.Select(redact).OfType<string>() : texts;
        return RecalledMemories.Frame(recalled, _options.MaxMemories, _options.MaxCharacters) is { } text ? new ChatMessage(_options.RecallRole, text) : null;
    }

    /// <summary>
    /// Queues what the user said (and the answer, for <see cref="MieltoMemoryStorage.FromMessages"/>) on the writer,
    /// after <see cref="MieltoMemoryOptions.Redact"/>, and returns at once: call it once a response is complete, so that
    /// a run that fails or is cancelled stores nothing. Nothing is queued with <see cref="MieltoMemoryStorage.None"/>, or
    /// when the text is blank or redacted away.
    /// </summary>
    /// <param name="scope">Whose memory it is.</param>
    /// <param name="userText">What the user said.</param>
    /// <param name="answer">The response's text, stored only with <see cref="MieltoMemoryStorage.FromMessages"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="userText"/> is null.</exception>
    public void Store(MieltoMemoryScope scope, string userText, string? answer = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(userText);
        if (_options.Storage is not (MieltoMemoryStorage.UserMessages or MieltoMemoryStorage.FromMessages))
        {
            return;
        }

        var said = _options.Redact is { } redact ? redact(userText) : userText;
        var answered = _options.Storage != MieltoMemoryStorage.FromMessages || answer is null ? null : _options.Redact is { } redactAnswer ? redactAnswer(answer) : answer;
        if (!string.IsNullOrWhiteSpace(said))
        {
            _writer.Enqueue(new MemoryStore(_options.Storage, scope.UserId, scope.WorkspaceId, scope.ConversationId, said, answered ?? string.Empty));
        }
    }

    /// <summary>Waits until the stores queued so far on this engine's writer are sent, or have failed for good.</summary>
    /// <param name="cancellationToken">Stops the wait; the stores go on.</param>
    /// <returns>A task that completes when they are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <summary>
    /// Whether <paramref name="message"/> is a block of recalled memories made by an engine: an earlier run's block
    /// that a chat history kept is recognised by this, and left out of later runs.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>True for a recalled block.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static bool IsRecalled(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.Role == ChatRole.User || message.Role == ChatRole.System)
            && message.Contents is [TextContent { Text: var text }]
            && RecalledMemories.IsFramed(text);
    }

    /// <summary>Drains and disposes the writer, when it is the engine's own; a writer passed in is left to its owner.</summary>
    /// <returns>A task that completes when the writer is drained or its deadline has passed.</returns>
    public ValueTask DisposeAsync() => _ownsWriter ? _writer.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>As <see cref="DisposeAsync"/>, waiting for it.</summary>
    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }
}
