using System.Globalization;
using System.Text.Json;

namespace Mielto.Client.Sample;

/// <summary>How the tool shows memories to a person.</summary>
internal static class MemoryText
{
    public static void Write(TextWriter output, Memory memory)
    {
        var when = memory.UpdatedAt ?? memory.CreatedAt;
        output.WriteLine(when is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{memory.MemoryId}  {memory.UserId}  {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z")
            : $"{memory.MemoryId}  {memory.UserId}");
        output.WriteLine("  " + memory.Content.ReplaceLineEndings("\n  "));
        if (memory.Topics is { Count: > 0 } topics)
        {
            output.WriteLine("  topics: " + string.Join(", ", topics));
        }

        if (memory.Metadata is { Count: > 0 } metadata)
        {
            output.WriteLine("  metadata: " + JsonSerializer.Serialize(metadata, SampleJson.Output.DictionaryStringJsonElement));
        }
    }
}
