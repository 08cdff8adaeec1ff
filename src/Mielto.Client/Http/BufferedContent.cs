using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Mielto.Client.Http;

/// <summary>
/// A response body read into memory, up to <see cref="Limit"/> bytes; <see cref="Truncated"/> says
/// whether the server sent more, which was not read. The bytes live in a buffer rented from the shared pool,
/// returned when the response is disposed, so that reading a body allocates nothing on the hot path.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly int _count;
    private byte[]? _rented;

    /// <param name="rented">A buffer from <see cref="ArrayPool{T}.Shared"/>, now owned by this content; null for an empty body.</param>
    /// <param name="count">How many of its bytes are the body.</param>
    /// <param name="limit">The most that was to be read.</param>
    /// <param name="truncated">True when the server sent more than was read.</param>
    public BufferedContent(byte[]? rented, int count, int limit, bool truncated)
    {
        _rented = rented;
        _count = count;
        Limit = limit;
        Truncated = truncated;
    }

    /// <summary>The bytes read; valid until the response is disposed.</summary>
    public ReadOnlyMemory<byte> Body =>
        _count == 0 ? ReadOnlyMemory<byte>.Empty : (_rented ?? throw new ObjectDisposedException(nameof(BufferedContent))).AsMemory(0, _count);

    /// <summary>The most the SDK reads of one body (<see cref="MieltoClientOptions.MaxResponseBytes"/>).</summary>
    public int Limit { get; }

    /// <summary>True when the server's body was longer than what was read.</summary>
    public bool Truncated { get; }

    /// <summary>The content headers the server sent (<c>Content-Type</c> among them); this content's own stay empty.</summary>
    public HttpContentHeaders? OriginalHeaders { get; set; }

    /// <summary>The attempt, from 1, that this response answered.</summary>
    public int Attempt { get; set; } = 1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body).AsTask();

    /// <remarks>
    /// Reports no length: Refit reads <c>Content-Length</c> of every response it is handed, and a length computed
    /// here would be stored as a header, allocating on every call. The SDK reads <see cref="Body"/> instead, and
    /// <see cref="OriginalHeaders"/> holds what the server declared.
    /// </remarks>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        base.Dispose(disposing);
    }
}
