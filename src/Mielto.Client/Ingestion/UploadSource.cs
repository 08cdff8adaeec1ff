using System.Runtime.InteropServices;

namespace Mielto.Client.Ingestion;

/// <summary>
/// A file of an upload, checked and ready to be read as the request is written: its label, its MIME type when it could
/// be found before sending, its length when known, and whether it can be read again for another attempt.
/// </summary>
internal sealed class UploadSource
{
    private readonly UploadFile _file;
    private readonly long _start;

    private UploadSource(UploadFile file, string? mimeType, long? length, long start)
    {
        _file = file;
        MimeType = mimeType;
        Length = length;
        _start = start;
    }

    public string Label => _file.Label;

    /// <summary>The label as the JSON string's content, escaped once for the length and the writing.</summary>
    public byte[] LabelJson => field ??= UploadContent.Encoded(_file.Label);

    /// <summary>The MIME type to send; null until the first bytes of a stream that cannot seek have been read.</summary>
    public string? MimeType { get; }

    /// <summary>How many bytes it has; null for a stream that cannot seek.</summary>
    public long? Length { get; }

    /// <summary>True when it can be read again from its start: a path, bytes, or a seekable stream.</summary>
    public bool Replayable => _file.Stream is not { CanSeek: false };

    /// <summary>Where it comes from, for messages: its path, else its label.</summary>
    public string Origin => _file.Path ?? _file.Label;

    /// <summary>
    /// Checks <paramref name="file"/> before anything is sent: a path must name a file, which is then measured and, when
    /// no type was given, has its first bytes read to detect it; a seekable stream is measured and peeked, then put back.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path names no file.</exception>
    public static async Task<UploadSource> PrepareAsync(UploadFile file, CancellationToken cancellationToken)
    {
        switch (file)
        {
            case { Path: { } path }:
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new FileNotFoundException($"There is no file '{path}' to upload; nothing was sent.", path);
                }

                if (file.MimeType is not null)
                {
                    return new(file, file.MimeType, info.Length, 0);
                }

                var stream = Open(path);
                var head = new byte[MimeTypes.HeadLength];
                await using (stream.ConfigureAwait(false))
                {
                    var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                    return new(file, MimeTypes.Detect(head.AsSpan(0, read), file.Label), info.Length, 0);
                }

            case { Stream: { CanSeek: true } seekable }:
                var start = seekable.Position;
                var length = seekable.Length - start;
                if (file.MimeType is not null)
                {
                    return new(file, file.MimeType, length, start);
                }

                var peek = new byte[MimeTypes.HeadLength];
                var peeked = await seekable.ReadAtLeastAsync(peek, peek.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                seekable.Position = start;
                return new(file, MimeTypes.Detect(peek.AsSpan(0, peeked), file.Label), length, start);

            case { Stream: not null }:
                return new(file, file.MimeType, null, 0);

            default:
                return new(file, file.MimeType ?? MimeTypes.Detect(file.Bytes.Span[..Math.Min(MimeTypes.HeadLength, file.Bytes.Length)], file.Label), file.Bytes.Length, 0);
        }
    }

    /// <summary>
    /// A file a folder scan found, taken as it is, without touching the disk again: its length is the scan's, and its
    /// MIME type, unless given, is detected from its first bytes as it is sent (so its request goes chunked).
    /// </summary>
    public static UploadSource Scanned(UploadFile file, long length) => new(file, file.MimeType, length, 0);

    /// <summary>Opens it at its start, for one writing of the request; <c>Owned</c> says whether the caller disposes it (a caller's own stream is never disposed).</summary>
    public (Stream Stream, bool Owned) Open()
    {
        switch (_file)
        {
            case { Path: { } path }:
                return (Open(path), true);
            case { Stream: { CanSeek: true } seekable }:
                seekable.Position = _start;
                return (seekable, false);
            case { Stream: { } stream }:
                return (stream, false);
            default:
                // Bytes are read in place: array-backed memory (nearly all) without a copy.
                return (MemoryMarshal.TryGetArray(_file.Bytes, out var segment)
                    ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                    : new MemoryStream(_file.Bytes.ToArray(), writable: false), true);
        }
    }

    /// <summary>The MIME type to send, once the first bytes are known.</summary>
    public string ResolveMimeType(ReadOnlySpan<byte> first) =>
        MimeType ?? MimeTypes.Detect(first[..Math.Min(MimeTypes.HeadLength, first.Length)], _file.Label);

    private static FileStream Open(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.None,
        });
}
