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
    public static string Memories(IReadOnlyList<Memory> memories, int maxCharacters)
    {
        const string Open = "{\"memories\":[";
        var items = new List<string>(memories.Count);
        var length = Open.Length + "],\"truncated\":true}".Length;
        var truncated = false;
        foreach (var memory in memories)
        {
            var item = Item(memory, memory.Content);
            if (length + item.Length + 1 > maxCharacters)
            {
                // The first memory alone is too long: its content is cut to fit, rather than returning nothing.
                var room = maxCharacters - length - (item.Length - memory.Content.Length) - 2;
                if (items.Count == 0 && room > 0)
                {
                    items.Add(Item(memory, string.Concat(memory.Content.AsSpan(0, Math.Min(room, memory.Content.Length)), "…")));
                }

                truncated = true;
                break;
            }

            items.Add(item);
            length += item.Length + 1;
        }

        var result = new StringBuilder(Open).AppendJoin(',', items).Append(']');
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
