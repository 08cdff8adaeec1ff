using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>The result of deleting a memory.</summary>
/// <param name="MemoryId">The id of the deleted memory.</param>
/// <param name="Message">The server's confirmation message; empty when the server answered without a body (204).</param>
public sealed record MemoryDeleteResponse(
    [property: JsonPropertyName("memory_id")] string MemoryId,
    [property: JsonPropertyName("message")] string Message);
