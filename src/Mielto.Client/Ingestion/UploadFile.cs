namespace Mielto.Client;

/// <summary>
/// A file to upload with <see cref="ICollectionsClient.UploadFilesAsync"/>: a path, a stream or bytes, with its label and
/// MIME type. The SDK reads it as it sends, never whole into memory; see <see cref="FromStream"/> for what a retry needs.
/// </summary>
public sealed class UploadFile
{
    private UploadFile(string label, string? mimeType, string? path, Stream? stream, ReadOnlyMemory<byte> bytes)
    {
        Label = label;
        MimeType = mimeType;
        Path = path;
        Stream = stream;
        Bytes = bytes;
    }

    /// <summary>The name the content gets in the collection.</summary>
    public string Label { get; }

    /// <summary>The MIME type given, or null to have it detected: from the file's first bytes for the common types, else from the label's extension, else <c>application/octet-stream</c>.</summary>
    public string? MimeType { get; }

    /// <summary>The file's path, when it is read from one.</summary>
    public string? Path { get; }

    internal Stream? Stream { get; }

    internal ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>A file read from <paramref name="path"/> as it is sent; it can be sent again, so a failed upload may be retried.</summary>
    /// <param name="path">The file.</param>
    /// <param name="label">Its name in the collection; null for the file's name.</param>
    /// <param name="mimeType">Its MIME type; null to detect it.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="label"/> is blank.</exception>
    public static UploadFile FromPath(string path, string? label = null, string? mimeType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(CheckLabel(label ?? System.IO.Path.GetFileName(path), nameof(label)), CheckMimeType(mimeType), path, null, default);
    }

    /// <summary>
    /// A file read from <paramref name="stream"/>, from its current position to its end, as it is sent. The stream stays
    /// the caller's: it is not disposed. A seekable stream is read again from that position if the upload is retried; a
    /// stream that cannot seek is read once, so an upload that would need to send it again fails instead, and says so.
    /// </summary>
    /// <param name="stream">The content.</param>
    /// <param name="label">Its name in the collection.</param>
    /// <param name="mimeType">Its MIME type; null to detect it.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read, or <paramref name="label"/> is blank.</exception>
    public static UploadFile FromStream(Stream stream, string label, string? mimeType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new(CheckLabel(label, nameof(label)), CheckMimeType(mimeType), null, stream, default);
    }

    /// <summary>A file held in memory.</summary>
    /// <param name="bytes">The content.</param>
    /// <param name="label">Its name in the collection.</param>
    /// <param name="mimeType">Its MIME type; null to detect it.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    public static UploadFile FromBytes(ReadOnlyMemory<byte> bytes, string label, string? mimeType = null) =>
        new(CheckLabel(label, nameof(label)), CheckMimeType(mimeType), null, null, bytes);

    /// <summary>The label.</summary>
    public override string ToString() => Label;

    private static string CheckLabel(string? label, string paramName)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException("A file to upload needs a label, its name in the collection; it cannot be blank.", paramName);
        }

        return label;
    }

    private static string? CheckMimeType(string? mimeType) =>
        mimeType is null || (mimeType.Contains('/', StringComparison.Ordinal) && !mimeType.Any(char.IsWhiteSpace))
            ? mimeType
            : throw new ArgumentException($"'{mimeType}' is not a MIME type such as 'application/pdf'.", nameof(mimeType));
}
