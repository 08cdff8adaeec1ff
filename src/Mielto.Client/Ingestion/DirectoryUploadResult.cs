using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What a <see cref="ICollectionsClient.UploadDirectoryAsync"/> did, file by file. Failed files are here, each with its reason, never swallowed.</summary>
public sealed record DirectoryUploadResult
{
    /// <summary>The files uploaded.</summary>
    [JsonPropertyName("uploaded")]
    public required IReadOnlyList<DirectoryUploadedFile> Uploaded { get; init; }

    /// <summary>The files left out because the collection had them (<see cref="DirectoryUploadOptions.SkipExisting"/>).</summary>
    [JsonPropertyName("skipped")]
    public required IReadOnlyList<string> Skipped { get; init; }

    /// <summary>The files that failed, each with its reason.</summary>
    [JsonPropertyName("failed")]
    public required IReadOnlyList<DirectoryUploadFailure> Failed { get; init; }

    /// <summary>The bytes of the files uploaded.</summary>
    [JsonPropertyName("bytes_uploaded")]
    public required long BytesUploaded { get; init; }

    /// <summary>How many requests were sent.</summary>
    [JsonPropertyName("requests")]
    public required int Requests { get; init; }

    /// <summary>How long it took.</summary>
    [JsonPropertyName("elapsed")]
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when no file failed.</summary>
    [JsonIgnore]
    public bool Complete => Failed.Count == 0;

    /// <summary>The ids of the contents made, to follow with <see cref="IContentsClient.WaitForIngestionAsync"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ContentIds => [.. Uploaded.Where(static f => f.ContentId is not null).Select(static f => f.ContentId!)];
}
