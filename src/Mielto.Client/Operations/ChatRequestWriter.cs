using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mielto.Client.Http;

namespace Mielto.Client.Operations;

/// <summary>
/// Writes the body of <c>POST /api/v1/chat/completions</c> from Microsoft.Extensions.AI's messages and options, as an
/// OpenAI client writes it, with Mielto's context in the fields the official SDKs send. Everything it cannot send is
/// refused before anything is sent.
/// </summary>
internal static class ChatRequestWriter
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // The fields written from the messages, the options and the context: additional properties of these names are left out.
    private static readonly HashSet<string> Written = new(StringComparer.Ordinal)
    {
        "model", "messages", "stream", "temperature", "top_p", "max_tokens", "stop", "seed", "frequency_penalty",
        "presence_penalty", "response_format", "tools", "tool_choice", "parallel_tool_calls", "user_id",
        "conversation_id", "session_id", "workspace_id", "collection_ids",
    };

    /// <summary>The body, ready to send again if a retry needs it.</summary>
    public static HttpContent Write(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, MieltoChatContext context, bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MieltoJsonContext.Wire.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", options?.ModelId ?? model);
            WriteMessages(writer, messages, options?.Instructions);
            if (stream)
            {
                writer.WriteBoolean("stream", true);
            }

            if (options is not null)
            {
                WriteOptions(writer, options);
            }

            WriteContext(writer, context);
            WriteAdditional(writer, options?.AdditionalProperties, nameof(options));
            writer.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = Json;
        return content;
    }

    private static void WriteMessages(Utf8JsonWriter writer, IEnumerable<ChatMessage> messages, string? instructions)
    {
        ArgumentNullException.ThrowIfNull(messages);
        writer.WriteStartArray("messages");
        var count = 0;
        if (!string.IsNullOrEmpty(instructions))
        {
            writer.WriteStartObject();
            writer.WriteString("role", "system");
            writer.WriteString("content", instructions);
            writer.WriteEndObject();
            count++;
        }

        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException("A chat message is null; nothing was sent.", nameof(messages));
            }

            count += ChatMessageWriter.Write(writer, message, nameof(messages));
        }

        if (count == 0)
        {
            throw new ArgumentException("A chat needs at least one message; nothing was sent.", nameof(messages));
        }

        writer.WriteEndArray();
    }

    private static void WriteOptions(Utf8JsonWriter writer, ChatOptions options)
    {
        WriteNumber(writer, "temperature", options.Temperature);
        WriteNumber(writer, "top_p", options.TopP);
        if (options.MaxOutputTokens is { } max)
        {
            writer.WriteNumber("max_tokens", max);
        }

        if (options.StopSequences is { Count: > 0 } stop)
        {
            writer.WriteStartArray("stop");
            foreach (var sequence in stop)
            {
                writer.WriteStringValue(sequence);
            }

            writer.WriteEndArray();
        }

        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed", seed);
        }

        WriteNumber(writer, "frequency_penalty", options.FrequencyPenalty);
        WriteNumber(writer, "presence_penalty", options.PresencePenalty);
        WriteResponseFormat(writer, options.ResponseFormat, nameof(options));
        WriteTools(writer, options);
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, float? value)
    {
        if (value is { } number)
        {
            // Through decimal, so that 0.7f goes out as 0.7 and not as 0.699999988079071.
            writer.WriteNumber(name, (decimal)number);
        }
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ChatResponseFormat? format, string paramName)
    {
        switch (format)
        {
            case null:
                return;
            case ChatResponseFormatText:
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "text");
                writer.WriteEndObject();
                return;
            case ChatResponseFormatJson { Schema: null }:
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_object");
                writer.WriteEndObject();
                return;
            case ChatResponseFormatJson json:
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", json.SchemaName ?? "response");
                if (json.SchemaDescription is { } description)
                {
                    writer.WriteString("description", description);
                }

                writer.WritePropertyName("schema");
                json.Schema!.Value.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                throw new ArgumentException($"The response format {format.GetType().Name} cannot be sent to Mielto's chat; use text, JSON or a JSON schema. Nothing was sent.", paramName);
        }
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatOptions options)
    {
        if (options.Tools is not { Count: > 0 } tools)
        {
            return;
        }

        writer.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            if (tool is not AIFunctionDeclaration function)
            {
                throw new ArgumentException($"The tool '{tool?.Name}' ({tool?.GetType().Name}) cannot be sent to Mielto's chat, which takes functions only; nothing was sent.", nameof(options));
            }

            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                writer.WriteString("description", function.Description);
            }

            writer.WritePropertyName("parameters");
            function.JsonSchema.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        switch (options.ToolMode)
        {
            case NoneChatToolMode:
                writer.WriteString("tool_choice", "none");
                break;
            case AutoChatToolMode:
                writer.WriteString("tool_choice", "auto");
                break;
            case RequiredChatToolMode { RequiredFunctionName: null }:
                writer.WriteString("tool_choice", "required");
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
        }

        if (options.AllowMultipleToolCalls is { } parallel)
        {
            writer.WriteBoolean("parallel_tool_calls", parallel);
        }
    }

    private static void WriteContext(Utf8JsonWriter writer, MieltoChatContext context)
    {
        WriteString(writer, "user_id", context.UserId);
        WriteString(writer, "conversation_id", context.ConversationId);
        WriteString(writer, "session_id", context.SessionId);
        WriteString(writer, "workspace_id", context.WorkspaceId);
        if (context.CollectionIds is { } collections)
        {
            writer.WriteStartArray("collection_ids");
            foreach (var id in collections)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes the options' additional properties as body fields, as the official Python SDK does with its keyword arguments.</summary>
    private static void WriteAdditional(Utf8JsonWriter writer, AdditionalPropertiesDictionary? additional, string paramName)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var (name, value) in additional)
        {
            if (string.Equals(name, MieltoChatOptionsExtensions.ContextKey, StringComparison.Ordinal) || Written.Contains(name))
            {
                continue;
            }

            writer.WritePropertyName(name);
            try
            {
                ChatJson.WriteValue(writer, value);
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
            {
                throw new ArgumentException($"The additional property '{name}' ({value?.GetType().Name}) cannot be written as JSON, and every additional property of the options goes into the request's body; give it as a JsonElement, a string or a number, or remove it. Nothing was sent.", paramName, ex);
            }
        }
    }
}
