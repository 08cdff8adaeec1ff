namespace Mielto.Client;

/// <summary>How far a <see cref="ICollectionsClient.UploadDirectoryAsync"/> has come; reported at least once a second, and after each request.</summary>
/// <param name="FilesTotal">The files found to upload.</param>
/// <param name="FilesUploaded">The files the server took.</param>
/// <param name="FilesSkipped">The files left out because the collection has them already.</param>
/// <param name="FilesFailed">The files that failed, each with its reason in the result.</param>
/// <param name="BytesTotal">The bytes of the files to upload (the skipped ones not counted).</param>
/// <param name="BytesSent">The bytes of files read into requests so far.</param>
/// <param name="Elapsed">The time since the upload started.</param>
public sealed record DirectoryUploadProgress(
    int FilesTotal,
    int FilesUploaded,
    int FilesSkipped,
    int FilesFailed,
    long BytesTotal,
    long BytesSent,
    TimeSpan Elapsed)
{
    /// <summary>The files done with, whatever the outcome.</summary>
    public int FilesDone => FilesUploaded + FilesSkipped + FilesFailed;
}
