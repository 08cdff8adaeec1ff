using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>
/// Mielto's chat (<c>POST /api/v1/chat/completions</c>) as Microsoft.Extensions.AI's <see cref="IChatClient"/>, over the
/// SDK's pipeline: the same authentication, workspace, typed errors, telemetry and stand-in as every other operation.
/// Get one with <see cref="MieltoClient.GetChatClient(string, MieltoChatContext?)"/>. Thread-safe; share one instance.
/// </summary>
/// <remarks>
/// <para>
/// Messages, options, tools and tool calls, usage and finish reasons map as an OpenAI chat client maps them. Mielto's
/// context (<see cref="MieltoChatContext"/>) goes in the body fields and the headers the API names; set it per call
/// with <see cref="MieltoChatOptionsExtensions"/>.
/// </para>
/// <para>
/// A chat is not idempotent (Mielto stores the conversation's messages): it is retried only when the server cannot
/// have processed it (the connection failed before sending, or a 429), and a stream never once an event has arrived.
/// A streamed chat has a limit on the wait for its first event and on the silence between events, not on its length;
/// one that stops early throws <see cref="MieltoStreamException"/> after the updates that arrived.
/// </para>
/// </remarks>
public sealed class MieltoChatClient : IChatClient
{
    private readonly IChatApi _api;
    private readonly OperationRunner _runner;
    private readonly string _model;
    private readonly MieltoChatContext _defaults;
    private readonly MieltoChatContext _sent;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _firstByte;
    private readonly ChatClientMetadata _metadata;

    internal MieltoChatClient(IChatApi api, MieltoClientOptions options, ILogger logger, TimeProvider clock, string model, MieltoChatContext? defaults)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _defaults = defaults ?? new MieltoChatContext();
        ChatContext.Check(_defaults, nameof(defaults));
        _api = api;
        _runner = new OperationRunner(options, logger, clock);
        _sent = _defaults with { WorkspaceId = _runner.Workspace(_defaults.WorkspaceId) };
        _model = model;
        _timeout = options.ChatTimeout;
        _firstByte = options.ChatFirstByteTimeout;
        _metadata = new ChatClientMetadata("mielto", new Uri(BaseAddress.Normalize(options.BaseAddress), "api/v1/chat/completions"), model);
    }

    /// <summary>The model the chat asks for, unless a call's <see cref="ChatOptions.ModelId"/> names another.</summary>
    public string Model => _model;

    /// <summary>The context every call sends, unless the call's own replaces a value.</summary>
    public MieltoChatContext DefaultContext => _defaults;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A message, option or context value cannot be sent; nothing was sent.</exception>
    /// <exception cref="MieltoApiException">The server refused the chat; the subtype says why.</exception>
    /// <exception cref="MieltoTimeoutException">No response within <see cref="MieltoClientOptions.ChatTimeout"/>.</exception>
    /// <exception cref="MieltoConnectionException">Mielto could not be reached.</exception>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Prepare(messages, options, stream: false);
        return _runner.RunAsync(
            _api,
            Operation.Chat,
            null,
            (Request: request, Timeout: _timeout),
            static (api, a, ct) => a.Request.SendAsync(api, a.Timeout, stream: false, ct),
            static reply => ChatResponseReader.Response(reply.Json(MieltoJsonContext.Wire.Completion, static c => c.Choices is { Count: > 0 })),
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A message, option or context value cannot be sent; nothing was sent.</exception>
    /// <exception cref="MieltoApiException">The server refused the chat before its stream began; the subtype says why.</exception>
    /// <exception cref="MieltoStreamException">The stream stopped before its end, after the updates that arrived.</exception>
    /// <exception cref="MieltoTimeoutException">No first event within <see cref="MieltoClientOptions.ChatFirstByteTimeout"/>, or a silence longer than <see cref="MieltoClientOptions.ChatIdleTimeout"/>.</exception>
    /// <exception cref="MieltoConnectionException">Mielto could not be reached.</exception>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Checked now, so that a bad argument is thrown by the call, not at the first MoveNextAsync.
        var request = Prepare(messages, options, stream: true);
        return _runner.StreamAsync(
            _api,
            Operation.ChatStream,
            (Request: request, Timeout: _firstByte),
            static (api, a, ct) => a.Request.SendAsync(api, a.Timeout, stream: true, ct),
            MieltoJsonContext.Wire.Completion,
            new ChatUpdates(),
            cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Does nothing: the connections belong to the <see cref="MieltoClient"/> it came from.</summary>
    public void Dispose()
    {
    }

    private ChatRequest Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var context = _sent;
        if (options.GetMieltoContext() is { } call)
        {
            context = _defaults.Under(call);
            ChatContext.Check(context, nameof(options));
            context = context with { WorkspaceId = _runner.Workspace(context.WorkspaceId) };
        }

        return new ChatRequest(ChatRequestWriter.Write(_model, messages, options, context, stream), context);
    }

    /// <summary>A chat's body and context, ready to send (and to send again, when a retry may).</summary>
    private sealed record ChatRequest(HttpContent Body, MieltoChatContext Context)
    {
        public Task<HttpResponseMessage> SendAsync(IChatApi api, TimeSpan timeout, bool stream, CancellationToken cancellationToken) =>
            api.CompleteAsync(
                Body,
                Context.WorkspaceId,
                Context.UserId,
                Context.ConversationId,
                Context.SessionId,
                Context.CollectionIds is { } ids ? JsonSerializer.Serialize(ids, MieltoJsonContext.Wire.IReadOnlyListString) : null,
                notIdempotent: true,
                timeout,
                stream,
                cancellationToken);
    }
}
