using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A change to a content's metadata and status (<c>PATCH /api/v1/contents/{id}</c>); its data cannot be changed. Only what is set is sent.</summary>
public sealed record ContentUpdateRequest
{
    /// <summary>A new name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A new description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>New metadata, in place of the old.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>A new status.</summary>
    [JsonPropertyName("status")]
    public ContentStatus? Status { get; init; }

    /// <summary>A new status message.</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; init; }
}
