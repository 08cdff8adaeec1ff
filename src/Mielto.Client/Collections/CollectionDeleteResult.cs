using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// What a collection delete answered. Deletion runs on the server after the answer (202 Accepted): the collection's
/// status is <see cref="CollectionStatus.Deleting"/> until it is gone. A field the server did not send is null.
/// </summary>
public sealed record CollectionDeleteResult
{
    /// <summary>The collection.</summary>
    [JsonPropertyName("collection_id")]
    public required string CollectionId { get; init; }

    /// <summary>The server's message, if any.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The deletion's state, such as <c>deleting</c>, if the server said.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The server's job id for the deletion, if it gave one (no API reads it yet).</summary>
    [JsonPropertyName("job_id")]
    public string? JobId { get; init; }
}
