using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Operations;

/// <summary>
/// Writes one <see cref="ChatMessage"/> as OpenAI-shaped messages: its text and images as content, its function calls
/// as <c>tool_calls</c>, and each function result as a <c>tool</c> message of its own.
/// </summary>
internal static class ChatMessageWriter
{
    /// <summary>Writes <paramref name="message"/>; returns how many messages it became.</summary>
    /// <param name="writer">The body.</param>
    /// <param name="message">The message.</param>
    /// <param name="paramName">The caller's parameter, for an <see cref="ArgumentException"/>.</param>
    public static int Write(Utf8JsonWriter writer, ChatMessage message, string paramName)
    {
        var written = 0;
        var hasParts = false;
        var hasCalls = false;
        var hasMedia = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case FunctionResultContent result:
                    writer.WriteStartObject();
                    writer.WriteString("role", "tool");
                    writer.WriteString("tool_call_id", result.CallId);
                    writer.WriteString("content", ChatJson.ResultText(result.Result));
                    writer.WriteEndObject();
                    written++;
                    break;
                case FunctionCallContent:
                    hasCalls = true;
                    break;
                case TextContent:
                    hasParts = true;
                    break;
                case DataContent or UriContent:
                    CheckPart(content, paramName);
                    hasParts = hasMedia = true;
                    break;
            }
        }

        // A message that carried only tool results has been written; any other is written whole.
        if (!hasParts && !hasCalls && written > 0)
        {
            return written;
        }

        writer.WriteStartObject();
        writer.WriteString("role", message.Role.Value);
        if (!string.IsNullOrEmpty(message.AuthorName))
        {
            writer.WriteString("name", message.AuthorName);
        }

        WriteContent(writer, message, hasParts ? (hasMedia ? Parts.Media : Parts.Text) : Parts.None, hasCalls);
        if (hasCalls)
        {
            WriteCalls(writer, message);
        }

        writer.WriteEndObject();
        return written + 1;
    }

    private static void CheckPart(AIContent content, string paramName)
    {
        var mediaType = content switch
        {
            DataContent data => data.MediaType,
            UriContent uri => uri.MediaType,
            _ => null,
        };
        if (mediaType is not null && !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Mielto's chat takes text and images; content of type '{mediaType}' cannot be sent. Nothing was sent.", paramName);
        }
    }

    private static void WriteContent(Utf8JsonWriter writer, ChatMessage message, Parts parts, bool hasCalls)
    {
        if (parts == Parts.None)
        {
            if (hasCalls)
            {
                writer.WriteNull("content");
            }
            else
            {
                writer.WriteString("content", string.Empty);
            }

            return;
        }

        if (parts == Parts.Text)
        {
            writer.WriteString("content", message.Text);
            return;
        }

        writer.WriteStartArray("content");
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    writer.WriteStartObject();
                    writer.WriteString("type", "text");
                    writer.WriteString("text", text.Text);
                    writer.WriteEndObject();
                    break;
                case DataContent data:
                    WriteImage(writer, data.Uri);
                    break;
                case UriContent uri:
                    WriteImage(writer, uri.Uri.AbsoluteUri);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "image_url");
        writer.WriteStartObject("image_url");
        writer.WriteString("url", url);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteCalls(Utf8JsonWriter writer, ChatMessage message)
    {
        writer.WriteStartArray("tool_calls");
        foreach (var call in message.Contents.OfType<FunctionCallContent>())
        {
            writer.WriteStartObject();
            writer.WriteString("id", call.CallId);
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", call.Name);
            writer.WriteString("arguments", ChatJson.Arguments(call.Arguments));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>What content a message has to write: none, text alone (sent as a string), or images too (sent as parts).</summary>
    private enum Parts
    {
        None = 1,
        Text,
        Media,
    }
}
