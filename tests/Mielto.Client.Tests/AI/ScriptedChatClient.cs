using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Tests.AI;

/// <summary>
/// A chat client that answers from a script instead of a model: each call takes the next scripted message (a tool
/// call or text), and records what it was sent.
/// </summary>
public sealed class ScriptedChatClient(params ChatMessage[] script) : IChatClient
{
    private readonly Queue<ChatMessage> _script = new(script);

    public ConcurrentQueue<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    /// <summary>A turn in which the model calls a tool with the given arguments.</summary>
    public static ChatMessage ToolCall(string callId, string tool, IDictionary<string, object?> arguments) =>
        new(ChatRole.Assistant, [new FunctionCallContent(callId, tool, arguments)]);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(([.. messages], options));
        var next = _script.Count > 0 ? _script.Dequeue() : new ChatMessage(ChatRole.Assistant, "done");
        return Task.FromResult(new ChatResponse(next));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>The text the tools returned to the model, by call id, from the messages of the last call.</summary>
    public IReadOnlyDictionary<string, string> ToolResults() =>
        Calls.Last().Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId, r => r.Result?.ToString() ?? string.Empty);
}
