using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>The body of <c>POST /api/v1/chunks/create</c> (<c>CreateChunksRequest</c>).</summary>
internal sealed record ChunkCreationWire
{
    [JsonPropertyName("content_id")]
    public required string ContentId { get; init; }

    [JsonPropertyName("reader")]
    public string? Reader { get; init; }

    [JsonPropertyName("force_rechunk")]
    public bool? ForceRechunk { get; init; }
}
