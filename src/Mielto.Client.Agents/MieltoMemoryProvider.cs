using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mielto.Client.AI;

namespace Mielto.Client.Agents;

/// <summary>
/// Mielto memory for an Agent Framework agent. Before a run, it recalls the end user's memories most relevant to the
/// latest message the caller sent and puts them, framed as untrusted data (one delimited block with a fixed preamble
/// saying it carries no instructions, in a user message by default), just before that message, within a count, a
/// character budget and a time budget; an earlier run's block that the chat history kept is left out, so a run sees
/// one block, not a pile. After a run that succeeded, it queues what the user said, the latest message the caller
/// sent (with <see cref="MieltoMemoryStorage.FromMessages"/>, and the turn's answer), on a
/// <see cref="MieltoMemoryWriter"/>, so the store adds nothing to the run; a run that failed or was cancelled stores
/// nothing. A recall that fails or is slow never fails the run: it goes on without memories, logged at Warning.
/// </summary>
/// <remarks>
/// <para>
/// Whose memories a session uses is its <see cref="MieltoMemoryScope"/>, made by your code's scope function on the
/// session's first run and kept in the session's state bag under <see cref="MieltoMemoryProviderOptions.StateKey"/>, so
/// it is serialized and restored with the session. Nothing a model says or a memory contains can change it.
/// </para>
/// <para>
/// Attach it with <c>ChatClientAgentOptions.AIContextProviders</c>, or to any agent with
/// <c>AIAgentBuilder.UseAIContextProviders</c>. Register it with <c>services.AddMieltoMemoryProvider(...)</c>, which
/// also registers the process's writer, drained at host shutdown. Reach it from an agent with
/// <c>agent.GetService&lt;MieltoMemoryProvider&gt;()</c>, for <see cref="ForgetAsync"/>.
/// </para>
/// </remarks>
public sealed class MieltoMemoryProvider : MessageAIContextProvider, IAsyncDisposable, IDisposable
{
    private readonly IMemoriesClient _memories;
    private readonly MieltoMemoryEngine _engine;
    private readonly ProviderSessionState<MieltoMemoryScope> _state;
    private readonly IReadOnlyList<string> _stateKeys;

    /// <summary>A provider over <paramref name="memories"/>.</summary>
    /// <param name="memories">The memories client.</param>
    /// <param name="scope">
    /// Whose memories a session uses, from your app's own identity (the signed-in user's claims, say): called on a
    /// session's first run, with the session (null for a run without one); the result is kept in the session.
    /// </param>
    /// <param name="options">The budgets, the role of recalled text, what to store, the redaction hook, the state key; copied and checked.</param>
    /// <param name="writer">Sends the stores off the run's path; null gives this provider a writer of its own, drained when it is disposed.</param>
    /// <param name="logger">Where failed and slow recalls, and failed, dropped and lost stores, are logged (never their text).</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> or <paramref name="scope"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    /// <exception cref="ArgumentException"><see cref="MieltoMemoryProviderOptions.StateKey"/> is empty or whitespace.</exception>
    public MieltoMemoryProvider(
        IMemoriesClient memories,
        Func<AgentSession?, MieltoMemoryScope> scope,
        MieltoMemoryProviderOptions? options = null,
        MieltoMemoryWriter? writer = null,
        ILogger<MieltoMemoryProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        ArgumentNullException.ThrowIfNull(scope);
        options ??= new MieltoMemoryProviderOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateKey, nameof(options));
        _memories = memories;
        _engine = new MieltoMemoryEngine(memories, options, writer, logger);
        _state = new ProviderSessionState<MieltoMemoryScope>(
            session => scope(session) ?? throw new InvalidOperationException("The scope function of MieltoMemoryProvider returned null; it must return the session's MieltoMemoryScope."),
            options.StateKey,
            AgentsJson.Default.Options);
        _stateKeys = [options.StateKey];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> StateKeys => _stateKeys;

    /// <summary>
    /// Keeps every block of recalled memories out of what a chat history stores, along with the messages that came from
    /// the history itself (what the history's default filter leaves out): set it as
    /// <c>InMemoryChatHistoryProviderOptions.StorageInputRequestMessageFilter</c> so that a serialized session does not
    /// grow by a block each run. Without it, the provider still leaves earlier blocks out of each run.
    /// </summary>
    /// <param name="messages">The request messages of a run.</param>
    /// <returns>The messages to store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    public static IEnumerable<ChatMessage> WithoutRecalledMemories(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Where(m => m.GetAgentRequestMessageSourceType() != AgentRequestMessageSourceType.ChatHistory && !MieltoMemoryEngine.IsRecalled(m));
    }

    /// <summary>The session's scope: the one kept in it, or, on its first use, the one your scope function gives (then kept).</summary>
    /// <param name="session">The session.</param>
    /// <returns>Whose memories the session uses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public MieltoMemoryScope GetScope(AgentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _state.GetOrInitializeState(session);
    }

    /// <summary>
    /// Erases every memory of the session's user (in the session's workspace), after sending the stores already queued,
    /// so that none lands after the erasure: the user's right to be forgotten, with its result.
    /// </summary>
    /// <param name="session">The session whose user is forgotten.</param>
    /// <param name="cancellationToken">Stops the erasure; what was erased stays erased.</param>
    /// <returns>What was erased and what could not be, with why (<see cref="MemoryEraseResult.Complete"/> is false then).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public async Task<MemoryEraseResult> ForgetAsync(AgentSession session, CancellationToken cancellationToken = default)
    {
        var scope = GetScope(session);
        await _engine.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await _memories.DeleteAllForUserAsync(scope.UserId, new MemoryEraseOptions { WorkspaceId = scope.WorkspaceId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the stores queued so far (on this provider's writer) are sent, or have failed for good.</summary>
    /// <param name="cancellationToken">Stops the wait; the stores go on.</param>
    /// <returns>A task that completes when they are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _engine.FlushAsync(cancellationToken);

    /// <summary>Drains and disposes the provider's own writer; a writer passed in is left to its owner.</summary>
    /// <returns>A task that completes when the writer is drained or its deadline has passed.</returns>
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    /// <summary>As <see cref="DisposeAsync"/>, waiting for it.</summary>
    public void Dispose() => _engine.Dispose();

    /// <inheritdoc/>
    protected override async ValueTask<AIContext> InvokingCoreAsync(AIContextProvider.InvokingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.AIContext;
        return new AIContext
        {
            Instructions = input.Instructions,
            Messages = await WithMemoriesAsync(input.Messages ?? [], context.Session, cancellationToken).ConfigureAwait(false),
            Tools = input.Tools,
        };
    }

    /// <inheritdoc/>
    protected override async ValueTask<IEnumerable<ChatMessage>> InvokingCoreAsync(MessageAIContextProvider.InvokingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await WithMemoriesAsync(context.RequestMessages, context.Session, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override ValueTask StoreAIContextAsync(InvokedContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The latest message the user sent, as the recall searched with: an app that passes the whole conversation
        // as a run's input stores each message once, on the run it was new in, not the conversation again each run.
        if (Latest(context.RequestMessages) is { } said)
        {
            _engine.Store(
                _state.GetOrInitializeState(context.Session),
                said.Text,
                string.Join('\n', (context.ResponseMessages ?? []).Where(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text)).Select(m => m.Text)));
        }

        return default;
    }

    /// <summary>
    /// The run's messages without earlier recalled blocks, and with this run's block (stamped as this provider's) just
    /// before the caller's latest message; without a block when nothing is recalled.
    /// </summary>
    private async Task<IEnumerable<ChatMessage>> WithMemoriesAsync(IEnumerable<ChatMessage> input, AgentSession? session, CancellationToken cancellationToken)
    {
        var messages = input.Where(m => !MieltoMemoryEngine.IsRecalled(m)).ToList();
        if (Latest(ProvideInputMessageFilter(messages)) is not { } latest)
        {
            return messages;
        }

        if (await _engine.RecallAsync(_state.GetOrInitializeState(session), latest.Text, cancellationToken).ConfigureAwait(false) is not { } recalled)
        {
            return messages;
        }

        var at = messages.IndexOf(latest);
        messages.Insert(at < 0 ? messages.Count : at, recalled.WithAgentRequestMessageSource(AgentRequestMessageSourceType.AIContextProvider, GetType().FullName));
        return messages;
    }

    /// <summary>The last user message with text; null for none.</summary>
    private static ChatMessage? Latest(IEnumerable<ChatMessage> messages) =>
        messages.LastOrDefault(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text));
}
