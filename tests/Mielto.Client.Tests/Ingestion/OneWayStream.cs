namespace Mielto.Client.Tests.Ingestion;

/// <summary>A stream that can only be read forward, as from a pipe or a network; optionally failing after some bytes, as a disk that goes away.</summary>
internal sealed class OneWayStream(byte[] bytes, int failAfter = int.MaxValue) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter)
        {
            throw new IOException("disk gone");
        }

        var n = Math.Min(Math.Min(count, 8192), Math.Min(bytes.Length, failAfter) - _position);
        Array.Copy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
