using System.Text.Json;

namespace Mielto.Client;

/// <summary>
/// What goes with an upload to a collection (<see cref="ICollectionsClient.UploadTextAsync"/>,
/// <see cref="ICollectionsClient.UploadFilesAsync"/>, <see cref="ICollectionsClient.UploadUrlsAsync"/>): what is not set
/// is not sent, except <see cref="Ingest"/>, which is always sent.
/// </summary>
public sealed record UploadOptions
{
    /// <summary>Metadata stored with each uploaded content, as any JSON values.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>A label for the upload (for text, the content's name; a file's own label comes from <see cref="UploadFile.Label"/>).</summary>
    public string? Label { get; init; }

    /// <summary>A description of what is uploaded.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// True (the default) to chunk and embed what is uploaded at once, so that search finds it once its ingestion has
    /// completed; false to store it only, and ingest it later with <see cref="ICollectionsClient.CreateChunksAsync"/>.
    /// </summary>
    public bool Ingest { get; init; } = true;

    /// <summary>How the server reads what is uploaded: a reader's name, such as <see cref="ContentReader.Native"/>, or a configuration; the server's default is <c>native</c>.</summary>
    public ContentReader? Reader { get; init; }

    /// <summary>For URLs only: true to have the server follow and upload the pages they link to as well. Sent only when set.</summary>
    public bool? Crawl { get; init; }
}
