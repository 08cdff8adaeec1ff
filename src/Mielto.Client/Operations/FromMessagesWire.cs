using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>
/// A from-messages answer as it arrives: the official SDKs type <c>result</c> as an object, yet their own code also
/// handles it as an array of memories, and it may be absent.
/// </summary>
internal sealed class FromMessagesWire
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("result")]
    public JsonElement? Result { get; init; }

    /// <summary>The response, or null when it has neither <c>message</c> nor <c>result</c>, or a <c>result</c> of no known shape.</summary>
    public MemoryFromMessagesResponse? ToResponse()
    {
        var message = Message ?? string.Empty;
        switch (Result)
        {
            case null when Message is null:
                return null;
            case null or { ValueKind: JsonValueKind.Null }:
                return new MemoryFromMessagesResponse { Message = message, MemoriesCreated = 0, MemoryIds = [] };
            case { ValueKind: JsonValueKind.Object } result:
                var ids = result.TryGetProperty("memory_ids", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToArray()
                    : [];
                var created = result.TryGetProperty("memories_created", out var number) && number.TryGetInt32(out var n) ? n : ids.Length;
                return new MemoryFromMessagesResponse { Message = message, MemoriesCreated = created, MemoryIds = ids };
            case { ValueKind: JsonValueKind.Array } memories:
                var read = ReadMemories(memories);
                return read is not null && read.All(ResponseChecks.IsComplete)
                    ? new MemoryFromMessagesResponse { Message = message, MemoriesCreated = read.Count, MemoryIds = [.. read.Select(m => m.MemoryId)] }
                    : null;
            default:
                return null;
        }
    }

    private static IReadOnlyList<Memory>? ReadMemories(JsonElement memories)
    {
        try
        {
            return memories.Deserialize(Http.MieltoJsonContext.Wire.IReadOnlyListMemory);
        }
        catch (JsonException)
        {
            // Not memories: reported as a body of no known shape.
            return null;
        }
    }
}
