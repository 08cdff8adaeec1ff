using System.Text.Json;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client.Operations;

/// <summary>
/// What Mielto's OpenAI-compatible chat endpoint answers: a completion, or one event of a stream (a chunk, with
/// <c>delta</c> where a completion has <c>message</c>). Fields the SDK does not know are kept, for the response's
/// additional properties.
/// </summary>
internal static class ChatWire
{
    /// <summary>A completion, or a chunk of a streamed one.</summary>
    internal sealed record Completion
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }

        [JsonPropertyName("model")]
        public string? Model { get; init; }

        [JsonPropertyName("created")]
        public long? Created { get; init; }

        [JsonPropertyName("choices")]
        public List<Choice>? Choices { get; init; }

        [JsonPropertyName("usage")]
        public Usage? Usage { get; init; }

        /// <summary>Known, so that it costs no additional property on every chunk; given to the caller as <c>system_fingerprint</c>.</summary>
        [JsonPropertyName("system_fingerprint")]
        public string? SystemFingerprint { get; init; }

        /// <summary><c>chat.completion</c> or <c>chat.completion.chunk</c>: known, and not passed on.</summary>
        [JsonPropertyName("object")]
        public string? Object { get; init; }

        /// <summary>An error the server reports in place of a chunk, in the middle of a stream.</summary>
        [JsonPropertyName("error")]
        public JsonElement? Error { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>One choice: its message (or, in a stream, its delta) and why it ended.</summary>
    internal sealed record Choice
    {
        [JsonPropertyName("index")]
        public int Index { get; init; }

        [JsonPropertyName("message")]
        public Message? Message { get; init; }

        [JsonPropertyName("delta")]
        public Message? Delta { get; init; }

        [JsonPropertyName("finish_reason")]
        public string? FinishReason { get; init; }

        /// <summary>Known, so that the <c>null</c> most chunks carry costs nothing; passed on when it is not null.</summary>
        [JsonPropertyName("logprobs")]
        public JsonElement? Logprobs { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>A message, or the part of one that a chunk carries.</summary>
    internal sealed record Message
    {
        [JsonPropertyName("role")]
        public string? Role { get; init; }

        [JsonPropertyName("content")]
        [JsonConverter(typeof(ChatTextConverter))]
        public string? Content { get; init; }

        [JsonPropertyName("refusal")]
        public string? Refusal { get; init; }

        [JsonPropertyName("tool_calls")]
        public List<ToolCall>? ToolCalls { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>A tool call, or in a stream a piece of one, placed by its <see cref="Index"/>.</summary>
    internal sealed record ToolCall
    {
        [JsonPropertyName("index")]
        public int? Index { get; init; }

        [JsonPropertyName("id")]
        public string? Id { get; init; }

        [JsonPropertyName("function")]
        public Function? Function { get; init; }
    }

    /// <summary>The function a tool call names, and its arguments as a JSON string (in a stream, a piece of it).</summary>
    internal sealed record Function
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("arguments")]
        public string? Arguments { get; init; }
    }

    /// <summary>The tokens a completion used.</summary>
    internal sealed record Usage
    {
        [JsonPropertyName("prompt_tokens")]
        public long? PromptTokens { get; init; }

        [JsonPropertyName("completion_tokens")]
        public long? CompletionTokens { get; init; }

        [JsonPropertyName("total_tokens")]
        public long? TotalTokens { get; init; }

        [JsonPropertyName("prompt_tokens_details")]
        public TokenDetails? PromptDetails { get; init; }

        [JsonPropertyName("completion_tokens_details")]
        public TokenDetails? CompletionDetails { get; init; }
    }

    /// <summary>The breakdown of a usage count.</summary>
    internal sealed record TokenDetails
    {
        [JsonPropertyName("cached_tokens")]
        public long? CachedTokens { get; init; }

        [JsonPropertyName("reasoning_tokens")]
        public long? ReasoningTokens { get; init; }
    }
}
