using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What <see cref="ICollectionsClient.CreateChunksAsync"/> did (<c>CreateChunksResponse</c>).</summary>
public sealed record ChunkCreationResult
{
    /// <summary>The server's status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The server's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The contents chunked.</summary>
    [JsonPropertyName("content_ids_processed")]
    public IReadOnlyList<string> ContentIdsProcessed { get; init => field = value ?? []; } = [];

    /// <summary>The contents that could not be chunked.</summary>
    [JsonPropertyName("content_ids_failed")]
    public IReadOnlyList<string> ContentIdsFailed { get; init => field = value ?? []; } = [];

    /// <summary>How many chunks were made.</summary>
    [JsonPropertyName("total_chunks_created")]
    public int TotalChunksCreated { get; init; }
}
