using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mielto.Client.Operations;

/// <summary>
/// Values of a chat that the caller or a tool gives as objects (tool arguments, tool results, additional body fields),
/// written and read as JSON with Microsoft.Extensions.AI's own serializer options, as its function invocation does.
/// </summary>
internal static class ChatJson
{
    // Microsoft.Extensions.AI's options, written compactly: the defaults indent, which would cost every request.
    private static readonly JsonSerializerOptions Options = Compact();

    /// <summary>Writes <paramref name="value"/>: JSON as it is, anything else serialized.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    /// <summary>A tool's result as the text of a tool message: a string as it is, anything else as JSON.</summary>
    public static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, Options.GetTypeInfo(result.GetType())),
    };

    /// <summary>A tool call's arguments as the JSON string OpenAI-shaped messages carry.</summary>
    public static string Arguments(IDictionary<string, object?>? arguments) =>
        arguments is null ? "{}" : JsonSerializer.Serialize(arguments, Options.GetTypeInfo(typeof(IDictionary<string, object?>)));

    /// <summary>Parses a tool call's arguments from their JSON string; a parse failure is kept on the call, as Microsoft.Extensions.AI does.</summary>
    public static FunctionCallContent Call(string callId, string name, string? arguments) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrEmpty(arguments) ? "{}" : arguments,
            callId,
            name,
            static json => (IDictionary<string, object?>?)JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(IDictionary<string, object?>))));

    private static JsonSerializerOptions Compact()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }
}
