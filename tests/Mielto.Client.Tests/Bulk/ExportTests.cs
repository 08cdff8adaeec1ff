using System.Text.Json;
using Mielto.Client.Testing;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Bulk;

/// <summary><c>ExportForUserAsync</c> against the stand-in: every memory of the user, streamed, in bounded memory.</summary>
[Collection(Infrastructure.HeapMeasuringCollection.Name)]
public sealed class ExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Exports_20000_memories_page_by_page_without_holding_them()
    {
        await using var server = await MieltoTestServer.StartAsync();
        var content = new string('x', 1000);
        for (var i = 0; i < 20_000; i++)
        {
            server.AddMemory($"mem_{i:D5}", "user_1", content: content);
        }

        for (var i = 0; i < 500; i++)
        {
            server.AddMemory($"other_{i:D5}", "user_2", content: content);
        }

        using var client = server.CreateClient();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var destination = new SamplingStream(sampleEveryBytes: 2 * 1024 * 1024);

        var written = await client.Memories.ExportForUserAsync("user_1", destination);

        var growth = destination.PeakHeap - baseline;
        output.WriteLine($"{written} memories, {destination.Length / 1024 / 1024} MiB of JSON lines; live heap at most {growth / 1024} KiB above the start ({destination.Samples} samples), where holding them would take about {20_000L * 2 * content.Length / 1024 / 1024} MiB");
        Assert.Equal(20_000, written);
        Assert.Equal(20_000, destination.Lines);
        Assert.True(growth < 16L * 1024 * 1024, $"the live heap grew by {growth} bytes");
        Assert.True(destination.Samples >= 5);
    }

    /// <summary>Counts lines and bytes, and samples the live heap (after a full collection) every so many bytes written.</summary>
    private sealed class SamplingStream(int sampleEveryBytes) : Stream
    {
        private long _sinceSample;

        public long PeakHeap { get; private set; }

        public int Samples { get; private set; }

        public long Lines { get; private set; }

        public override long Length => Position;

        public override long Position { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Position += buffer.Length;
            Lines += buffer.Count((byte)'\n');
            if (buffer.Length > 0 && buffer[^1] != (byte)'\n')
            {
                throw new JsonException("a write ends inside a line");
            }

            _sinceSample += buffer.Length;
            if (_sinceSample >= sampleEveryBytes)
            {
                _sinceSample = 0;
                Samples++;
                PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
