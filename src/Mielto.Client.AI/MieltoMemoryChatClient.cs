using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mielto.Client.AI;

/// <summary>
/// A chat middleware that gives the model what Mielto remembers about the end user: before each call it searches
/// the user's memories with the latest user message and adds the most relevant ones, within a count, a character
/// budget and a time budget, as one message that frames them as untrusted data (a delimited block that says they
/// carry no instructions, in a user message by default); after the response it can store what the user said. Without a user id
/// (see <see cref="MieltoMemoryChatOptions.UserIdResolver"/>) the call passes through untouched. A failing recall
/// or store never fails the chat: it is logged at Warning and the call goes on. Add it with
/// <c>ChatClientBuilder.UseMieltoMemory</c>.
/// </summary>
public sealed class MieltoMemoryChatClient : DelegatingChatClient
{
    private readonly IMemoriesClient _memories;
    private readonly MieltoMemoryChatOptions _options;
    private readonly ILogger _logger;
    private readonly MieltoMemoryWriter _writer;
    private readonly bool _ownsWriter;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that answers.</param>
    /// <param name="memories">The memories client.</param>
    /// <param name="options">How to recall and store; copied.</param>
    /// <param name="logger">Where failures of recall and store are logged.</param>
    /// <param name="writer">
    /// Sends the stores off the call's path; null gives this client a writer of its own, drained when it is disposed.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="memories"/> is null.</exception>
    public MieltoMemoryChatClient(IChatClient innerClient, IMemoriesClient memories, MieltoMemoryChatOptions? options = null, ILogger<MieltoMemoryChatClient>? logger = null, MieltoMemoryWriter? writer = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(memories);
        _memories = memories;
        _options = (options ?? new MieltoMemoryChatOptions()).Copy();
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.MaxMemories is >= 1 and <= 100, true, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCharacters, 500, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.RecallRole == ChatRole.User || _options.RecallRole == ChatRole.System, true, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.RecallTimeout > TimeSpan.Zero || _options.RecallTimeout == Timeout.InfiniteTimeSpan, true, nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _ownsWriter = writer is null;
        _writer = writer ?? new MieltoMemoryWriter(memories, logger: _logger);
    }

    /// <summary>Waits until the stores this client queued (and any queued before them on its writer) are sent.</summary>
    /// <param name="cancellationToken">Stops the wait; the stores go on.</param>
    /// <returns>A task that completes when they are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsWriter)
        {
            _writer.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (Resolve(messages, options) is not { } call)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var withMemories = await RecallAsync(call, cancellationToken).ConfigureAwait(false);
        var response = await base.GetResponseAsync(withMemories, options, cancellationToken).ConfigureAwait(false);
        Store(call, response.Text);
        return response;
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = Resolve(messages, options);
        var sent = call is null ? messages : await RecallAsync(call, cancellationToken).ConfigureAwait(false);
        var answer = new StringBuilder();
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken).ConfigureAwait(false))
        {
            answer.Append(update.Text);
            yield return update;
        }

        if (call is not null)
        {
            Store(call, answer.ToString());
        }
    }

    /// <summary>The user of a call and its latest user message; null when the call is to pass through.</summary>
    private Call? Resolve(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        if (_options.UserIdResolver(list, options) is not { Length: > 0 } userId || string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var last = -1;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Role == ChatRole.User)
            {
                last = i;
                break;
            }
        }

        return last < 0 || string.IsNullOrWhiteSpace(list[last].Text) ? null : new Call(list, last, userId, _options.WorkspaceIdResolver(list, options));
    }

    /// <summary>
    /// The messages with the user's relevant memories, framed as untrusted data, in one message of
    /// <see cref="MieltoMemoryChatOptions.RecallRole"/> just before the latest user message; the messages as they are
    /// when the recall fails or takes longer than <see cref="MieltoMemoryChatOptions.RecallTimeout"/>.
    /// </summary>
    private async Task<IEnumerable<ChatMessage>> RecallAsync(Call call, CancellationToken cancellationToken)
    {
        MemorySearchResponse found;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.RecallTimeout);
        try
        {
            found = await _memories.SearchAsync(
                new MemorySearchRequest { Query = call.LastUser.Text, UserId = call.UserId, Limit = _options.MaxMemories, RetrievalMethod = _options.RetrievalMethod },
                call.WorkspaceId,
                budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.RecallTimedOut(_logger, _options.RecallTimeout.TotalMilliseconds);
            return call.Messages;
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            Log.RecallFailed(_logger, error);
            return call.Messages;
        }

        var recalled = _options.Redact is { } redact
            ? found.Memories.Select(m => redact(m.Content) is { } kept ? m with { Content = kept } : null).OfType<Memory>()
            : found.Memories;
        if (RecalledMemories.Frame(recalled, _options.MaxMemories, _options.MaxCharacters) is not { } text)
        {
            return call.Messages;
        }

        var sent = new List<ChatMessage>(call.Messages);
        sent.Insert(call.LastUserIndex, new ChatMessage(_options.RecallRole, text));
        return sent;
    }

    /// <summary>
    /// Queues what the user said (and the answer, for <see cref="MieltoMemoryStorage.FromMessages"/>) on the writer:
    /// only once the response is complete, so that a call that fails or is cancelled stores nothing, and never awaited.
    /// </summary>
    private void Store(Call call, string answer)
    {
        if (_options.Storage is not (MieltoMemoryStorage.UserMessages or MieltoMemoryStorage.FromMessages))
        {
            return;
        }

        var said = _options.Redact is { } redact ? redact(call.LastUser.Text) : call.LastUser.Text;
        var answered = _options.Storage != MieltoMemoryStorage.FromMessages ? string.Empty : _options.Redact is { } redactAnswer ? redactAnswer(answer) ?? string.Empty : answer;
        if (!string.IsNullOrWhiteSpace(said))
        {
            _writer.Enqueue(new MemoryStore(_options.Storage, call.UserId, call.WorkspaceId, said, answered));
        }
    }

    /// <summary>One call that has a user: its messages, the index of its latest user message, the user and workspace.</summary>
    private sealed record Call(IList<ChatMessage> Messages, int LastUserIndex, string UserId, string? WorkspaceId)
    {
        public ChatMessage LastUser => Messages[LastUserIndex];
    }
}
