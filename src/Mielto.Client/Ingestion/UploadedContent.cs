using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// One item of an upload, as the server reported it: a content it made (its <see cref="Id"/> is the content's, to follow
/// with <see cref="IContentsClient.WaitForIngestionAsync"/>), or an item it refused (<see cref="Error"/> says why).
/// </summary>
public sealed record UploadedContent
{
    /// <summary>The content's id; null for an item that failed.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Its name: a file's label, a URL, or the text's label.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What it was: <c>file</c>, <c>text</c> or <c>url</c>.</summary>
    [JsonPropertyName("content_type")]
    public string? ContentType { get; init; }

    /// <summary>Its status, as the server reported it.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Its MIME type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Its size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>Its URL, for an item uploaded from one.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Its description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Its metadata.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Why the item failed; null when it was uploaded.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>True when the item was uploaded.</summary>
    [JsonIgnore]
    public bool Succeeded => Error is null;
}
