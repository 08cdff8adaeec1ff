using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// Compression, deterministic and without a model: the text (a conversation's messages as <c>role: message</c> lines)
/// with the common English words and repeated whitespace taken out. With a <c>webhook_url</c>, the acknowledgement
/// the official SDKs' READMEs show; nothing is posted to the address. Listed in the rules table of docs/testing.md.
/// </summary>
internal static class CompressApi
{
    private static readonly HashSet<string> Filler = new(
        ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "it", "that", "this", "very", "really", "just", "so"],
        StringComparer.OrdinalIgnoreCase);

    public static Task HandleAsync(Call call, byte[] body)
    {
        string? text;
        string? webhook;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            text = Text(json.Raw("content", required: true), call.Problems);
            webhook = json.String("webhook_url");
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        if (webhook is not null)
        {
            return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteString("status", "success");
                writer.WriteString("message", "Compression response will be sent to webhook");
            });
        }

        var compressed = string.Join(' ', text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(word => !Filler.Contains(word)));
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("status", "success");
            writer.WriteString("content", compressed);
            writer.WriteNumber("compression_time", 0.01);
            writer.WriteNumber("original_length", text.Length);
            writer.WriteNumber("compressed_length", compressed.Length);
        });
    }

    /// <summary>The text of <c>content</c>: a string, or messages (objects with <c>message</c>) as lines.</summary>
    private static string? Text(JsonElement? content, Problems problems)
    {
        switch (content)
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString();
            case { ValueKind: JsonValueKind.Array } messages:
                var lines = new StringBuilder();
                var index = 0;
                foreach (var message in messages.EnumerateArray())
                {
                    if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("message", out var said) || said.ValueKind != JsonValueKind.String)
                    {
                        problems.Add(["body", "content", index.ToString(CultureInfo.InvariantCulture), "message"], "Field required", "missing");
                    }
                    else
                    {
                        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() + ": " : string.Empty;
                        lines.Append(role).Append(said.GetString()).Append('\n');
                    }

                    index++;
                }

                return lines.ToString();
            default:
                problems.Add(["body", "content"], "Input should be a valid string or list", "union_type");
                return null;
        }
    }
}
