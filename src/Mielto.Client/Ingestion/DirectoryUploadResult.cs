namespace Mielto.Client;

/// <summary>What a <see cref="ICollectionsClient.UploadDirectoryAsync"/> did, file by file. Failed files are here, each with its reason, never swallowed.</summary>
public sealed record DirectoryUploadResult
{
    /// <summary>The files uploaded.</summary>
    public required IReadOnlyList<DirectoryUploadedFile> Uploaded { get; init; }

    /// <summary>The files left out because the collection had them (<see cref="DirectoryUploadOptions.SkipExisting"/>).</summary>
    public required IReadOnlyList<string> Skipped { get; init; }

    /// <summary>The files that failed, each with its reason.</summary>
    public required IReadOnlyList<DirectoryUploadFailure> Failed { get; init; }

    /// <summary>The bytes of the files uploaded.</summary>
    public required long BytesUploaded { get; init; }

    /// <summary>How many requests were sent.</summary>
    public required int Requests { get; init; }

    /// <summary>How long it took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when no file failed.</summary>
    public bool Complete => Failed.Count == 0;

    /// <summary>The ids of the contents made, to follow with <see cref="IContentsClient.WaitForIngestionAsync"/>.</summary>
    public IReadOnlyList<string> ContentIds => [.. Uploaded.Where(static f => f.ContentId is not null).Select(static f => f.ContentId!)];
}
