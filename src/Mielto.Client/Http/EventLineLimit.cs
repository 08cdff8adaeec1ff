namespace Mielto.Client.Http;

/// <summary>
/// A read-only view of a response stream that fails, with <see cref="EventLineTooLongException"/>, as soon as one
/// line runs longer than a limit: the SSE parser keeps a line whole until its end, so without it a server could make
/// the SDK buffer without end. The stream as a whole is unbounded.
/// </summary>
internal sealed class EventLineLimit(Stream inner, int maxLineBytes) : Stream
{
    private long _line;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Most reads of a stream that is flowing complete at once: they cost no state machine.
        var reading = inner.ReadAsync(buffer, cancellationToken);
        return reading.IsCompletedSuccessfully ? new(Count(buffer.Span[..reading.Result])) : AwaitAsync(reading, buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> AwaitAsync(ValueTask<int> reading, Memory<byte> buffer)
    {
        var read = await reading.ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        var rest = read;
        int end;
        while ((end = rest.IndexOfAny((byte)'\n', (byte)'\r')) >= 0)
        {
            Check(_line + end);
            _line = 0;
            rest = rest[(end + 1)..];
        }

        _line += rest.Length;
        Check(_line);
        return read.Length;
    }

    private void Check(long line)
    {
        if (line > maxLineBytes)
        {
            throw new EventLineTooLongException(maxLineBytes);
        }
    }
}
