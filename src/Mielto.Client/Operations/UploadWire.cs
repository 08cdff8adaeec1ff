using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>
/// The envelope of an upload as the official SDKs send it (JSON, <c>POST /api/v1/upload</c>): everything but the
/// files, which <see cref="Ingestion.UploadContent"/> streams after it.
/// </summary>
internal sealed record UploadWire
{
    [JsonPropertyName("collection_id")]
    public required string CollectionId { get; init; }

    /// <summary><c>text</c>, <c>url</c> or <c>file</c>, as the SDKs infer it.</summary>
    [JsonPropertyName("content_type")]
    public required string ContentType { get; init; }

    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("urls")]
    public IReadOnlyList<string>? Urls { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Always sent, as both SDKs do.</summary>
    [JsonPropertyName("ingest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Ingest { get; init; } = true;

    [JsonPropertyName("reader")]
    public ContentReader? Reader { get; init; }

    [JsonPropertyName("crawl")]
    public bool? Crawl { get; init; }

    /// <summary>The envelope for <paramref name="collectionId"/>, with what <paramref name="options"/> sets.</summary>
    public static UploadWire For(string collectionId, string contentType, UploadOptions options) => new()
    {
        CollectionId = collectionId,
        ContentType = contentType,
        Label = options.Label,
        Description = options.Description,
        Metadata = options.Metadata,
        Ingest = options.Ingest,
        Reader = options.Reader,
        Crawl = options.Crawl,
    };
}
