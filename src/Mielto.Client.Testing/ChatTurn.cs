using System.Text.Json;

namespace Mielto.Client.Testing;

/// <summary>What the stand-in reads of a chat request: the model, the last messages, the tools, Mielto's context.</summary>
internal sealed record ChatTurn(
    string Model,
    string LastUserText,
    string? LastToolResult,
    int PromptWords,
    bool Stream,
    bool IncludeUsage,
    IReadOnlyList<(string Name, IReadOnlyList<string> StringParameters)> Tools,
    string? ToolChoice,
    string? UserId,
    IReadOnlyList<string> CollectionIds)
{
    /// <summary>Reads the request; null, with the problems recorded, when it is not a chat request.</summary>
    public static ChatTurn? Read(JsonBody json, Call call)
    {
        var model = json.String("model", required: true);
        var messages = json.Raw("messages", required: true);
        var userId = json.String("user_id") ?? Header(call, "x-user-id");
        var collections = json.Strings("collection_ids") ?? HeaderList(call, "x-collection-ids") ?? [];
        var stream = json.Raw("stream") is { ValueKind: JsonValueKind.True };
        var usage = json.Raw("stream_options") is { ValueKind: JsonValueKind.Object } streamOptions
            && streamOptions.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True;
        var tools = ReadTools(json.Raw("tools"));
        var choice = json.Raw("tool_choice") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } named when named.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var n) => "function:" + n.GetString(),
            _ => null,
        };
        if (messages is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
        {
            if (messages is not null)
            {
                call.Problems.Add(["body", "messages"], "List should have at least 1 item after validation", "too_short");
            }

            return null;
        }

        string? lastUser = null;
        string? toolResult = null;
        var words = 0;
        foreach (var message in list.EnumerateArray())
        {
            var role = message.TryGetProperty("role", out var r) ? r.GetString() : null;
            var text = Text(message);
            words += text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            (lastUser, toolResult) = role switch
            {
                "user" => (text, null),
                "tool" => (lastUser, text),
                _ => (lastUser, toolResult),
            };
        }

        return model is null ? null : new ChatTurn(model, lastUser ?? string.Empty, toolResult, words, stream, usage, tools, choice, userId, collections);
    }

    /// <summary>The tool to call: the one <c>tool_choice</c> names or requires, else one the last user message names.</summary>
    public ChatToolCall? ToolToCall()
    {
        if (Tools.Count == 0 || string.Equals(ToolChoice, "none", StringComparison.Ordinal))
        {
            return null;
        }

        var tool = ToolChoice switch
        {
            "required" => Tools[0],
            { } named when named.StartsWith("function:", StringComparison.Ordinal) => Tools.FirstOrDefault(t => string.Equals(t.Name, named["function:".Length..], StringComparison.Ordinal)),
            _ => Tools.FirstOrDefault(t => LastUserText.Contains(t.Name, StringComparison.OrdinalIgnoreCase)),
        };
        if (tool.Name is null)
        {
            return null;
        }

        var arguments = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(arguments))
        {
            writer.WriteStartObject();
            foreach (var parameter in tool.StringParameters)
            {
                writer.WriteString(parameter, LastUserText);
            }

            writer.WriteEndObject();
        }

        return new ChatToolCall("call_" + Guid.NewGuid().ToString("N")[..24], tool.Name, System.Text.Encoding.UTF8.GetString(arguments.WrittenSpan));
    }

    private static string Text(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Join(' ', content.EnumerateArray()
                .Where(part => part.TryGetProperty("type", out var t) && string.Equals(t.GetString(), "text", StringComparison.Ordinal) && part.TryGetProperty("text", out _))
                .Select(part => part.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }

    private static List<(string, IReadOnlyList<string>)> ReadTools(JsonElement? tools)
    {
        var found = new List<(string, IReadOnlyList<string>)>();
        if (tools is not { ValueKind: JsonValueKind.Array } list)
        {
            return found;
        }

        foreach (var tool in list.EnumerateArray())
        {
            if (!tool.TryGetProperty("function", out var function) || !function.TryGetProperty("name", out var name))
            {
                continue;
            }

            var strings = function.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Where(p => p.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && string.Equals(t.GetString(), "string", StringComparison.Ordinal)).Select(p => p.Name).ToList()
                : [];
            found.Add((name.GetString()!, strings));
        }

        return found;
    }

    private static string? Header(Call call, string name) => call.Context.Request.Headers[name].FirstOrDefault();

    private static List<string>? HeaderList(Call call, string name)
    {
        if (Header(call, name) is not { } value)
        {
            return null;
        }

        try
        {
            using var list = JsonDocument.Parse(value);
            if (list.RootElement.ValueKind == JsonValueKind.Array && list.RootElement.EnumerateArray().All(id => id.ValueKind == JsonValueKind.String))
            {
                return list.RootElement.EnumerateArray().Select(id => id.GetString()!).ToList();
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        call.Problems.Add(["header", name], "Input should be a JSON array of strings", "json_invalid");
        return null;
    }
}
