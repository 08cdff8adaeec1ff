using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A change to a collection (<c>PUT /api/v1/collections/{id}</c>, partial): only what is set is sent and changed.</summary>
public sealed record CollectionUpdateRequest
{
    /// <summary>A new name, 1 to 100 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A new description, at most 255 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A new visibility.</summary>
    [JsonPropertyName("visibility")]
    public CollectionVisibility? Visibility { get; init; }

    /// <summary>New tags, in place of the old.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>A new parent collection.</summary>
    [JsonPropertyName("parent_id")]
    public string? ParentId { get; init; }

    /// <summary>New metadata (sent as <c>meta_data</c>).</summary>
    [JsonPropertyName("meta_data")]
    public IReadOnlyDictionary<string, JsonElement>? MetaData { get; init; }

    /// <summary>New settings.</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, JsonElement>? Settings { get; init; }

    /// <summary>A new embedding configuration.</summary>
    [JsonPropertyName("embedding")]
    public IReadOnlyDictionary<string, JsonElement>? Embedding { get; init; }
}
