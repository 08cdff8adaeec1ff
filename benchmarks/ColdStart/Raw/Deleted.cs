using System.Text.Json.Serialization;

namespace ColdStart.Raw;

/// <summary>The delete response, as the hand-written program reads it.</summary>
internal sealed record Deleted([property: JsonPropertyName("memory_id")] string MemoryId, [property: JsonPropertyName("message")] string Message);
