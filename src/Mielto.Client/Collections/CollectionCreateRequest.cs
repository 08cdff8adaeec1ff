using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A new collection (<c>POST /api/v1/collections</c>). Only <see cref="Name"/> is required; what is not set is not sent.</summary>
public sealed record CollectionCreateRequest
{
    /// <summary>Its name, 1 to 100 characters.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Its description, at most 255 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The vector store; the server's default is <see cref="CollectionStoreType.PgVector"/>.</summary>
    [JsonPropertyName("store_type")]
    public CollectionStoreType? StoreType { get; init; }

    /// <summary>Who can see it; the server's default is <see cref="CollectionVisibility.Private"/>.</summary>
    [JsonPropertyName("visibility")]
    public CollectionVisibility? Visibility { get; init; }

    /// <summary>Its tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The collection to nest it in.</summary>
    [JsonPropertyName("parent_id")]
    public string? ParentId { get; init; }

    /// <summary>Your metadata, any JSON (sent as <c>meta_data</c>).</summary>
    [JsonPropertyName("meta_data")]
    public IReadOnlyDictionary<string, JsonElement>? MetaData { get; init; }

    /// <summary>Its settings.</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, JsonElement>? Settings { get; init; }

    /// <summary>Its embedding configuration.</summary>
    [JsonPropertyName("embedding")]
    public IReadOnlyDictionary<string, JsonElement>? Embedding { get; init; }
}
