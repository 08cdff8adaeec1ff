using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Operations;

/// <summary>Turns Mielto's OpenAI-shaped answers into Microsoft.Extensions.AI's responses and updates.</summary>
internal static class ChatResponseReader
{
    /// <summary>The response of a completion: its first choice, its usage, and any field the SDK does not know.</summary>
    public static ChatResponse Response(ChatWire.Completion completion)
    {
        var choice = completion.Choices is { Count: > 0 } choices ? choices[0] : null;
        var wire = choice?.Message;
        var message = new ChatMessage(Role(wire?.Role) ?? ChatRole.Assistant, Contents(wire))
        {
            MessageId = completion.Id,
            AdditionalProperties = Additional(wire?.Extra, choice),
        };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = Created(completion.Created),
            FinishReason = FinishReason(choice?.FinishReason),
            Usage = Usage(completion.Usage),
            AdditionalProperties = Additional(completion.Extra, null, completion.SystemFingerprint),
        };
    }

    /// <summary>The role a message names, or null when it names none.</summary>
    public static ChatRole? Role(string? role) => role switch
    {
        null or "" => null,
        "assistant" => ChatRole.Assistant,
        "user" => ChatRole.User,
        "system" => ChatRole.System,
        "tool" => ChatRole.Tool,
        _ => new ChatRole(role),
    };

    public static DateTimeOffset? Created(long? created) => created is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null or "" => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    public static UsageDetails? Usage(ChatWire.Usage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.PromptDetails?.CachedTokens,
        ReasoningTokenCount = usage.CompletionDetails?.ReasoningTokens,
    };

    /// <summary>
    /// The fields the SDK does not map, as additional properties: those of an object (an answer, a message, a chunk),
    /// those of its choice with the choice's <c>logprobs</c>, and the system fingerprint as a string; null when there are none.
    /// </summary>
    public static AdditionalPropertiesDictionary? Additional(Dictionary<string, JsonElement>? extra, ChatWire.Choice? choice, string? systemFingerprint = null)
    {
        AdditionalPropertiesDictionary? properties = null;
        Add(ref properties, extra);
        Add(ref properties, choice?.Extra);
        if (choice?.Logprobs is { ValueKind: not JsonValueKind.Null } logprobs)
        {
            (properties ??= [])["logprobs"] = logprobs;
        }

        if (systemFingerprint is not null)
        {
            (properties ??= [])["system_fingerprint"] = systemFingerprint;
        }

        return properties;
    }

    /// <summary>Adds <paramref name="extra"/>'s fields to <paramref name="properties"/>, making it when there is one to add.</summary>
    public static void Add(ref AdditionalPropertiesDictionary? properties, Dictionary<string, JsonElement>? extra)
    {
        // Nearly every chunk has none: no empty dictionary, no enumerator.
        if (extra is null)
        {
            return;
        }

        foreach (var (name, value) in extra)
        {
            (properties ??= [])[name] = value;
        }
    }

    private static List<AIContent> Contents(ChatWire.Message? message)
    {
        var contents = new List<AIContent>();
        if (!string.IsNullOrEmpty(message?.Content))
        {
            contents.Add(new TextContent(message.Content));
        }

        if (!string.IsNullOrEmpty(message?.Refusal))
        {
            contents.Add(new ErrorContent(message.Refusal) { ErrorCode = "refusal" });
        }

        foreach (var call in message?.ToolCalls ?? [])
        {
            contents.Add(ChatJson.Call(call.Id ?? string.Empty, call.Function?.Name ?? string.Empty, call.Function?.Arguments));
        }

        return contents;
    }
}
