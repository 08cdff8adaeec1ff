using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

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
    private readonly Func<IEnumerable<ChatMessage>, ChatOptions?, string?> _userId;
    private readonly Func<IEnumerable<ChatMessage>, ChatOptions?, string?> _workspaceId;
    private readonly MieltoMemoryEngine _engine;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that answers.</param>
    /// <param name="memories">The memories client.</param>
    /// <param name="options">How to recall and store; copied.</param>
    /// <param name="logger">Where failures of recall and store are logged.</param>
    /// <param name="writer">
    /// Sends the stores off the call's path; null gives this client a writer of its own, drained when it is disposed.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="memories"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public MieltoMemoryChatClient(IChatClient innerClient, IMemoriesClient memories, MieltoMemoryChatOptions? options = null, ILogger<MieltoMemoryChatClient>? logger = null, MieltoMemoryWriter? writer = null)
        : base(innerClient)
    {
        options ??= new MieltoMemoryChatOptions();
        _userId = options.UserIdResolver;
        _workspaceId = options.WorkspaceIdResolver;
        _engine = new MieltoMemoryEngine(memories, options, writer, logger);
    }

    /// <summary>Waits until the stores this client queued (and any queued before them on its writer) are sent.</summary>
    /// <param name="cancellationToken">Stops the wait; the stores go on.</param>
    /// <returns>A task that completes when they are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _engine.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _engine.Dispose();
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
        _engine.Store(call.Scope, call.LastUser.Text, response.Text);
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
            // Only once the stream has ended: a call that fails or is abandoned midway stores nothing.
            _engine.Store(call.Scope, call.LastUser.Text, answer.ToString());
        }
    }

    /// <summary>The user of a call and its latest user message; null when the call is to pass through.</summary>
    private Call? Resolve(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        if (_userId(list, options) is not { Length: > 0 } userId || string.IsNullOrWhiteSpace(userId))
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

        return last < 0 || string.IsNullOrWhiteSpace(list[last].Text) ? null : new Call(list, last, new MieltoMemoryScope(userId, _workspaceId(list, options) is { Length: > 0 } workspaceId ? workspaceId : null));
    }

    /// <summary>The messages with the user's memories, framed, just before the latest user message; as they are when none is recalled.</summary>
    private async Task<IEnumerable<ChatMessage>> RecallAsync(Call call, CancellationToken cancellationToken)
    {
        if (await _engine.RecallAsync(call.Scope, call.LastUser.Text, cancellationToken).ConfigureAwait(false) is not { } recalled)
        {
            return call.Messages;
        }

        var sent = new List<ChatMessage>(call.Messages);
        sent.Insert(call.LastUserIndex, recalled);
        return sent;
    }

    /// <summary>One call that has a user: its messages, the index of its latest user message, the user and workspace.</summary>
    private sealed record Call(IList<ChatMessage> Messages, int LastUserIndex, MieltoMemoryScope Scope)
    {
        public ChatMessage LastUser => Messages[LastUserIndex];
    }
}
