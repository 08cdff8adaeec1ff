using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mielto.Client.Ingestion;

/// <summary>
/// The JSON body of an upload, written as it is sent: the envelope (collection, metadata, reader...) and then each file
/// as the official SDKs send it, <c>{"label":…,"mimetype":…,"file":"&lt;base64&gt;"}</c>, its base64 encoded from the
/// file in blocks of 192 KiB as the request is written. A 100 MB file costs a pooled block and the pipe's pooled buffers, not its size.
/// </summary>
/// <remarks>
/// The length is known, and sent as <c>Content-Length</c>, when every file's length and type are known before sending;
/// a stream that cannot seek makes the body chunked. The body can be written again for another attempt when every
/// source can be read again, or when nothing of it has been written yet (<see cref="CanResend"/>).
/// </remarks>
internal sealed class UploadContent : HttpContent
{
    /// <summary>The source bytes encoded at a time: a multiple of 3, so that each block's base64 stands alone.</summary>
    private const int BlockBytes = 192 * 1024;

    /// <summary>About how many bytes are sent in one write.</summary>
    private const int FlushBytes = 256 * 1024;

    private static readonly byte[] FilesStart = ",\"files\":["u8.ToArray();
    private static readonly byte[] LabelStart = "{\"label\":\""u8.ToArray();
    private static readonly byte[] TypeStart = "\",\"mimetype\":\""u8.ToArray();
    private static readonly byte[] FileStart = "\",\"file\":\""u8.ToArray();
    private static readonly byte[] FileEnd = "\"}"u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] FilesEnd = "]"u8.ToArray();
    private static readonly byte[] ObjectEnd = "}"u8.ToArray();

    private const string ReadFailureKey = "Mielto.UploadRead";

    private readonly byte[] _envelope;
    private readonly IReadOnlyList<UploadSource> _files;
    private readonly Action<long>? _onRead;
    private int _writings;

    /// <param name="envelope">The JSON object of everything but the files, without its closing brace.</param>
    /// <param name="files">The files, in order.</param>
    /// <param name="onRead">Told how many bytes of a file were read, as they are.</param>
    public UploadContent(byte[] envelope, IReadOnlyList<UploadSource> files, Action<long>? onRead)
    {
        _envelope = envelope;
        _files = files;
        _onRead = onRead;
        Headers.ContentType = new("application/json") { CharSet = "utf-8" };
    }

    /// <summary>True when another attempt can send this body whole: every file can be read again, or none has been read yet.</summary>
    public bool CanResend => Volatile.Read(ref _writings) == 0 || _files.All(static f => f.Replayable);

    /// <summary>The file, if any, that cannot be read again.</summary>
    public UploadSource? Unrepeatable => _files.FirstOrDefault(static f => !f.Replayable);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _writings) > 1 && Unrepeatable is { } once)
        {
            throw Marked(new InvalidOperationException($"The upload cannot be sent again: '{once.Origin}' is a stream that cannot seek, and was read by an earlier attempt."), once);
        }

        // Every piece goes through a pipe writer over pooled buffers, sent in writes of about 256 KiB: a request of many
        // small files is then a few large writes (or chunks, when its length is not known), not six small ones a file.
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: FlushBytes, leaveOpen: true));
        try
        {
            writer.Write(_envelope);
            if (_files.Count > 0)
            {
                writer.Write(FilesStart);
                var input = ArrayPool<byte>.Shared.Rent(BlockBytes);
                try
                {
                    for (var i = 0; i < _files.Count; i++)
                    {
                        if (i > 0)
                        {
                            writer.Write(Comma);
                        }

                        await WriteFileAsync(writer, _files[i], input, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(input);
                }

                writer.Write(FilesEnd);
            }

            writer.Write(ObjectEnd);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _envelope.Length + 1;
        if (_files.Count == 0)
        {
            return true;
        }

        length += FilesStart.Length + 1 + (_files.Count - 1);
        foreach (var file in _files)
        {
            if (file is not { Length: { } size, MimeType: { } type })
            {
                length = 0;
                return false;
            }

            length += LabelStart.Length + file.LabelJson.Length + TypeStart.Length + Encoded(type).Length + FileStart.Length + FileEnd.Length + (((size + 2) / 3) * 4);
        }

        return true;
    }

    /// <summary>
    /// The failure to read a file of an upload, wherever the HTTP stack wrapped it; null when <paramref name="exception"/>
    /// is something else. It is what the caller should see: the file could not be read, the network is not at fault.
    /// </summary>
    public static Exception? ReadFailure(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex.Data.Contains(ReadFailureKey))
            {
                return ex;
            }
        }

        return null;
    }

    /// <summary>The label of the file whose reading failed, when <paramref name="exception"/> is such a failure; null otherwise.</summary>
    public static string? UnreadableLabel(Exception exception) => ReadFailure(exception)?.Data[ReadFailureKey] as string;

    /// <summary>The note for a refusal the SDK would have retried, had the body been one it can send again; null otherwise.</summary>
    public static string? NotResentNote(HttpResponseMessage response) =>
        response is { StatusCode: HttpStatusCode.TooManyRequests, RequestMessage.Content: UploadContent { CanResend: false, Unrepeatable: { } once } }
            ? $" It was not sent again: '{once.Origin}' is a stream that cannot seek, read once by this attempt. Upload from a path, bytes or a seekable stream to let the SDK retry."
            : null;

    private static T Marked<T>(T exception, UploadSource file)
        where T : Exception
    {
        exception.Data[ReadFailureKey] = file.Label;
        return exception;
    }

    /// <summary>A JSON string's content, escaped as the SDK writes JSON (UTF-8 kept, quotes and controls escaped).</summary>
    internal static byte[] Encoded(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes.ToArray();

    private async Task WriteFileAsync(PipeWriter writer, UploadSource file, byte[] input, CancellationToken cancellationToken)
    {
        var (source, owned) = Read(file, static f => f.Open());
        try
        {
            var read = await FillAsync(file, source, input, 0, cancellationToken).ConfigureAwait(false);
            WriteObjectStart(writer, file.LabelJson, file.ResolveMimeType(input.AsSpan(0, read)));
            long total = 0;
            while (true)
            {
                total += read;
                _onRead?.Invoke(read);
                var final = read < BlockBytes || file.Length == total;
                Base64.EncodeToUtf8(input.AsSpan(0, read), writer.GetSpan(Base64.GetMaxEncodedToUtf8Length(read)), out _, out var written, isFinalBlock: final);
                writer.Advance(written);
                if (writer.UnflushedBytes >= FlushBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                if (final)
                {
                    break;
                }

                read = await FillAsync(file, source, input, total, cancellationToken).ConfigureAwait(false);
            }

            if (file.Length is { } expected && total != expected)
            {
                throw Marked(new IOException($"'{file.Origin}' changed while it was uploaded: it had {expected} bytes when the upload began, and {total} as it was read. The upload was not completed."), file);
            }
        }
        finally
        {
            if (owned)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        writer.Write(FileEnd);
    }

    private static T Read<T>(UploadSource file, Func<UploadSource, T> read)
    {
        try
        {
            return read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(file, ex);
        }
    }

    private static IOException Unreadable(UploadSource file, Exception ex) =>
        Marked(new IOException($"Reading '{file.Origin}' for the upload failed: {ex.Message} The upload was not completed.", ex), file);

    /// <summary>
    /// Reads the next block: until <paramref name="buffer"/> is full, the source ends, or, for a source of known length,
    /// that length is read (so a small file takes one read, not a second one to find its end); a short read means the end.
    /// A file is read synchronously: on Unix an asynchronous file read is a hop to the thread pool, which cost more than
    /// the read itself for a folder of small files.
    /// </summary>
    private static async ValueTask<int> FillAsync(UploadSource file, Stream source, byte[] buffer, long total, CancellationToken cancellationToken)
    {
        var wanted = file.Length is { } length ? (int)Math.Clamp(length - total, 0, BlockBytes) : BlockBytes;
        try
        {
            return wanted == 0 ? 0
                : source is FileStream ? source.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false)
                : await source.ReadAtLeastAsync(buffer.AsMemory(0, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(file, ex);
        }
    }

    private static void WriteObjectStart(PipeWriter writer, ReadOnlySpan<byte> label, string mimeType)
    {
        writer.Write(LabelStart);
        writer.Write(label);
        writer.Write(TypeStart);
        writer.Write(Encoded(mimeType));
        writer.Write(FileStart);
    }
}
