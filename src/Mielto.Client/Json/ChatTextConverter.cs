using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Json;

/// <summary>
/// Reads a chat message's <c>content</c>: a string (what completions carry), or an array of parts whose text parts are
/// joined; other parts are skipped. Read straight into a string, so that a streamed chunk costs no document.
/// </summary>
internal sealed class ChatTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                return ReadParts(ref reader);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string? ReadParts(ref Utf8JsonReader reader)
    {
        StringBuilder? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            using var part = JsonDocument.ParseValue(ref reader);
            if (part.RootElement.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
            {
                (text ??= new StringBuilder()).Append(value.GetString());
            }
        }

        return text?.ToString();
    }
}
