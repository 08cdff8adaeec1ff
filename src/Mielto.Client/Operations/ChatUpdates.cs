using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Operations;

/// <summary>
/// Turns the chunks of one streamed completion into updates: text as it arrives, and tool calls assembled from their
/// pieces by index and given whole, with the update that ends the choice (or, failing one, at the end of the stream).
/// </summary>
internal sealed class ChatUpdates : IEventReader<ChatWire.Completion, ChatResponseUpdate>
{
    private SortedDictionary<int, PendingCall>? _calls;
    private ChatRole _role = ChatRole.Assistant;
    private string? _fingerprint;

    /// <summary>The update for one chunk.</summary>
    public ChatResponseUpdate Next(ChatWire.Completion chunk)
    {
        List<AIContent>? contents = null;
        ChatFinishReason? finish = null;
        var choice = chunk.Choices is { Count: > 0 } choices ? choices[0] : null;
        if (choice is not null)
        {
            if (choice.Delta is { } delta)
            {
                _role = ChatResponseReader.Role(delta.Role) ?? _role;
                if (!string.IsNullOrEmpty(delta.Content))
                {
                    (contents = []).Add(new TextContent(delta.Content));
                }

                if (!string.IsNullOrEmpty(delta.Refusal))
                {
                    (contents ??= []).Add(new ErrorContent(delta.Refusal) { ErrorCode = "refusal" });
                }

                Collect(delta.ToolCalls);
            }

            finish = ChatResponseReader.FinishReason(choice.FinishReason);
            if (finish is not null)
            {
                Flush(ref contents);
            }
        }

        if (ChatResponseReader.Usage(chunk.Usage) is { } usage)
        {
            (contents ??= []).Add(new UsageContent(usage));
        }

        var properties = ChatResponseReader.Additional(chunk.Extra, choice, NewFingerprint(chunk.SystemFingerprint));
        ChatResponseReader.Add(ref properties, choice?.Delta?.Extra);
        return new ChatResponseUpdate(_role, contents)
        {
            ResponseId = chunk.Id,
            MessageId = chunk.Id,
            ModelId = chunk.Model,
            CreatedAt = ChatResponseReader.Created(chunk.Created),
            FinishReason = finish,
            AdditionalProperties = properties,
        };
    }

    /// <summary>The system fingerprint when it is new: every chunk repeats it, and one additional property per update would cost every update.</summary>
    private string? NewFingerprint(string? fingerprint)
    {
        if (fingerprint is null || string.Equals(fingerprint, _fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        _fingerprint = fingerprint;
        return fingerprint;
    }

    /// <summary>The error a chunk reports in place of a delta (OpenAI's <c>{"error": {"message": …}}</c>), or null.</summary>
    public string? ErrorOf(ChatWire.Completion value) => value.Error is not { } error ? null
        : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()!
            : error.GetRawText();

    /// <summary>An update with the tool calls no chunk ended, or null when none is left.</summary>
    public ChatResponseUpdate? Last()
    {
        List<AIContent>? contents = null;
        Flush(ref contents);
        return contents is null ? null : new ChatResponseUpdate(_role, contents);
    }

    private void Collect(List<ChatWire.ToolCall>? pieces)
    {
        if (pieces is null)
        {
            return;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            _calls ??= [];
            var index = piece.Index ?? i;
            if (!_calls.TryGetValue(index, out var call))
            {
                _calls[index] = call = new PendingCall();
            }

            call.Id ??= piece.Id;
            call.Name ??= piece.Function?.Name;
            call.Arguments.Append(piece.Function?.Arguments);
        }
    }

    private void Flush(ref List<AIContent>? contents)
    {
        if (_calls is not { Count: > 0 } calls)
        {
            return;
        }

        contents ??= [];
        foreach (var call in calls.Values)
        {
            contents.Add(ChatJson.Call(call.Id ?? string.Empty, call.Name ?? string.Empty, call.Arguments.ToString()));
        }

        calls.Clear();
    }

    private sealed class PendingCall
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
