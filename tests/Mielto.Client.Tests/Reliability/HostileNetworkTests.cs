using System.Diagnostics;
using System.Text;
using Mielto.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// The SDK against a raw TCP peer that misbehaves the ways real networks and broken proxies do. For each: the
/// typed exception, within the time the options allow, with retries where the rules say (counted on the
/// server), and bounded memory.
/// </summary>
[Collection(Infrastructure.HeapMeasuringCollection.Name)]
public sealed class HostileNetworkTests(ITestOutputHelper output)
{
    private const int MaxRetries = 2;
    private const string Deleted = """{"memory_id":"mem_1","message":"ok"}""";

    private static SdkClient Client(Uri baseAddress, TimeSpan? timeout = null) => new(baseAddress, "mk_hostile", o =>
    {
        o.MaxRetries = MaxRetries;
        o.RetryDelay = TimeSpan.FromMilliseconds(1);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
        o.Timeout = timeout ?? TimeSpan.FromSeconds(5);
    });

    private async Task<(TException Error, TimeSpan Elapsed)> FailsWith<TException>(Uri baseAddress, TimeSpan? timeout = null)
        where TException : Exception
    {
        using var client = Client(baseAddress, timeout);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TException>(() => client.Memories.DeleteAsync("mem_1").WaitAsync(TimeSpan.FromSeconds(30)));
        output.WriteLine($"{typeof(TException).Name} after {watch.Elapsed.TotalMilliseconds:0} ms: {error.Message}");
        return (error, watch.Elapsed);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_a_connection_exception()
    {
        var (error, elapsed) = await FailsWith<MieltoConnectionException>(DroppingServer.RefusingAddress());

        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Contains($"after {MaxRetries + 1} attempts", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_connection_closed_without_a_response_is_retried_then_a_connection_exception()
    {
        using var server = new RawHttpServer(exchange =>
        {
            exchange.Close();
            return Task.CompletedTask;
        });

        var (error, _) = await FailsWith<MieltoConnectionException>(server.BaseAddress);

        // A delete has no body, so within each of the SDK's attempts the socket handler may send it again on a new
        // connection, as it does for any HttpClient.
        Assert.Contains($"after {MaxRetries + 1} attempts", error.Message);
        Assert.InRange(server.Received.Count, MaxRetries + 1, (MaxRetries + 1) * Transport.MostSendsPerBodilessAttempt);
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_the_headers_is_retried_then_a_connection_exception()
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: appl");
            exchange.Reset();
        });

        await FailsWith<MieltoConnectionException>(server.BaseAddress);

        Assert.Equal(MaxRetries + 1, server.Received.Count);
    }

    [Fact]
    public async Task A_body_cut_short_is_retried_then_a_connection_exception()
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"memory_id\":\"mem");
            exchange.Close();
        });

        var (error, _) = await FailsWith<MieltoConnectionException>(server.BaseAddress);

        Assert.Equal(MaxRetries + 1, server.Received.Count);
        Assert.Contains("response body", error.Message);
    }

    [Fact]
    public async Task A_body_cut_short_once_is_retried_into_success()
    {
        var calls = 0;
        using var server = new RawHttpServer(async exchange =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{");
                exchange.Close();
                return;
            }

            await exchange.RespondAsync(200, Deleted);
        });
        using (var client = Client(server.BaseAddress))
        {
            Assert.Equal("mem_1", (await client.Memories.DeleteAsync("mem_1")).MemoryId);
        }

        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_body_sent_one_byte_per_second_times_out_each_attempt()
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n");
            foreach (var b in Encoding.ASCII.GetBytes(Deleted.PadRight(60)))
            {
                await exchange.WriteAsync([b]);
                await Task.Delay(1000, exchange.Stopping);
            }
        });
        var timeout = TimeSpan.FromMilliseconds(300);

        var (error, elapsed) = await FailsWith<MieltoTimeoutException>(server.BaseAddress, timeout);

        Assert.Equal(MaxRetries + 1, server.Received.Count);
        // A timer may fire up to a clock tick before the stopwatch shows its due time, once per attempt.
        var allAttempts = timeout * (MaxRetries + 1);
        Assert.InRange(elapsed, allAttempts - TimeSpan.FromMilliseconds(30), allAttempts + TimeSpan.FromSeconds(2));
        Assert.Contains("Timeout (0.3 s)", error.Message);
    }

    [Theory]
    [InlineData(200, typeof(MieltoException))]
    [InlineData(500, typeof(MieltoServerException))]
    public async Task An_endless_body_is_read_only_up_to_the_cap(int status, Type expected)
    {
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        long sent = 0;
        using var server = new RawHttpServer(async exchange =>
        {
            // Chunked and endless: far larger than any Mielto response, until the client hangs up.
            await exchange.WriteAsync($"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            var frame = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n").Concat(chunk).Concat("\r\n"u8.ToArray()).ToArray();
            while (Interlocked.Read(ref sent) < 4L * 1024 * 1024 * 1024)
            {
                await exchange.WriteAsync(frame);
                Interlocked.Add(ref sent, chunk.Length);
            }
        });
        using (var client = Client(server.BaseAddress))
        {
            var memories = client.Memories;
            await memories.DeleteIfExistsAsync("warm-up").ContinueWith(_ => { }, TaskScheduler.Default);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAnyAsync<MieltoException>(() => memories.DeleteAsync("mem_1").WaitAsync(TimeSpan.FromSeconds(30)));

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            output.WriteLine($"{status}: {error.GetType().Name} in {watch.Elapsed.TotalMilliseconds:0} ms, {allocated / 1024} KiB allocated, {Interlocked.Read(ref sent) / 1024} KiB sent by the server: {error.Message[..Math.Min(300, error.Message.Length)]}");
            Assert.Equal(expected, error.GetType());
            Assert.Contains($"{MieltoClientOptions.DefaultMaxResponseBytes} bytes", error.Message);

            // Whatever the server sends (gigabytes if the client read on), the client reads at most the cap per attempt
            // and decodes only the start of an oversized error body. The body buffer doubles from the shared pool up to
            // the cap, but a rent on another core's partition can miss the pool, so each attempt may allocate every
            // size on the way: less than twice the cap. The bound is that for each attempt, plus one cap of room for the
            // run's other allocations (the in-process server's included). 82 MiB was seen against an earlier bound of
            // 64 MiB; an uncapped read would allocate gigabytes.
            long bound = ((2L * (MaxRetries + 1)) + 1) * MieltoClientOptions.DefaultMaxResponseBytes;
            Assert.True(allocated < bound, $"{allocated} bytes allocated, over {bound}");
        }
    }

    [Theory]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n")]
    [InlineData("SMTP ready\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Header Without Colon\r\n\r\n")]
    [InlineData("\u0000\u0001\u0002\r\n\r\n")]
    public async Task Malformed_HTTP_is_retried_then_a_connection_exception(string response)
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(response);
            exchange.Close();
        });

        await FailsWith<MieltoConnectionException>(server.BaseAddress);

        Assert.Equal(MaxRetries + 1, server.Received.Count);
    }
}
