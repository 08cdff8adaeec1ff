using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mielto.Client.AI.Tools;

/// <summary>
/// The compact JSON text the tools hand a model: memories as id, content, topics and date, within a cap on the
/// characters returned; errors as a code and one short sentence, never an exception's text.
/// </summary>
internal static class ToolResults
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The memories that fit in <paramref name="maxCharacters"/>, best first; a result that had to be cut says so.</summary>
    public static string Memories(IReadOnlyList<Memory> memories, int maxCharacters) =>
        Capped("memories", memories, static (memory, content) => Item(memory, content), static memory => memory.Content, maxCharacters);

    /// <summary>The collection search results that fit in <paramref name="maxCharacters"/>, best first, as content, score and source.</summary>
    public static string Knowledge(IReadOnlyList<CollectionSearchResult> results, int maxCharacters) =>
        Capped("results", results, static (result, content) => Write(writer =>
        {
            writer.WriteString("content", content);
            writer.WriteNumber("score", Math.Round(result.Score, 4));
            if (result.Source is { } source)
            {
                writer.WriteString("source", source);
            }
        }), static result => result.Content, maxCharacters);

    /// <summary>
    /// The items that fit in <paramref name="maxCharacters"/>, in order, under <paramref name="name"/>; when even the
    /// first does not fit, its text is cut to fit rather than returning nothing. A result that had to be cut says so.
    /// </summary>
    private static string Capped<T>(string name, IReadOnlyList<T> items, Func<T, string, string> item, Func<T, string> text, int maxCharacters)
    {
        var open = $"{{\"{name}\":[";
        var written = new List<string>(items.Count);
        var length = open.Length + "],\"truncated\":true}".Length;
        var truncated = false;
        foreach (var each in items)
        {
            var full = text(each);
            var json = item(each, full);
            if (length + json.Length + 1 > maxCharacters)
            {
                var room = maxCharacters - length - (json.Length - full.Length) - 2;
                if (written.Count == 0 && room > 0)
                {
                    written.Add(item(each, string.Concat(full.AsSpan(0, Math.Min(room, full.Length)), "…")));
                }

                truncated = true;
                break;
            }

            written.Add(json);
            length += json.Length + 1;
        }

        var result = new StringBuilder(open).AppendJoin(',', written).Append(']');
        result.Append(truncated ? ",\"truncated\":true}" : "}");
        return result.ToString();
    }

    /// <summary>A short success, such as <c>{"status":"stored","memory_id":"mem_1"}</c>.</summary>
    public static string Done(string status, string memoryId) => Write(writer =>
    {
        writer.WriteString("status", status);
        writer.WriteString("memory_id", memoryId);
    });

    /// <summary>A failure the model can act on: a code and a sentence of our own.</summary>
    public static string Error(string code, string message) => Write(writer =>
    {
        writer.WriteString("error", code);
        writer.WriteString("message", message);
    });

    private static string Item(Memory memory, string content) => Write(writer =>
    {
        writer.WriteString("id", memory.MemoryId);
        writer.WriteString("content", content);
        if (memory.Topics is { Count: > 0 } topics)
        {
            writer.WriteStartArray("topics");
            foreach (var topic in topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
        }

        if ((memory.UpdatedAt ?? memory.CreatedAt) is { } when)
        {
            writer.WriteString("date", when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    });

    private static string Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
