using System.Net;

namespace Mielto.Client.Http;

/// <summary>
/// A response body read into memory, up to <see cref="ResponseBody.MaxBytes"/>; <see cref="Truncated"/> says
/// whether the server sent more, which was not read.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _buffer;
    private readonly int _count;

    public BufferedContent(byte[] buffer, int count, bool truncated)
    {
        _buffer = buffer;
        _count = count;
        Truncated = truncated;
    }

    /// <summary>The bytes read.</summary>
    public ReadOnlyMemory<byte> Body => _buffer.AsMemory(0, _count);

    /// <summary>True when the server's body was longer than what was read.</summary>
    public bool Truncated { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer, 0, _count);

    protected override bool TryComputeLength(out long length)
    {
        length = _count;
        return true;
    }
}
