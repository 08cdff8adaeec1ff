using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mielto.Client.Testing;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Bulk;

/// <summary><c>DeleteAllForUserAsync</c> against the stand-in: everything of the user gone, nothing of anyone else.</summary>
public sealed class EraseTests(ITestOutputHelper output)
{
    private static MieltoClient Client(MieltoTestServer server, ILoggerFactory? logs = null, int maxRetries = 3) => new(
        new MieltoClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = server.ApiKey,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            MaxRetries = maxRetries,
        },
        logs);

    private static void Seed(MieltoTestServer server, string userId, int count, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            server.AddMemory($"{prefix}_{i:D5}", userId, content: $"memory {i} of {userId}");
        }
    }

    [Fact]
    public async Task Erases_2000_memories_at_concurrency_8_under_a_limit_of_200_requests_per_second()
    {
        await using var server = await MieltoTestServer.StartAsync(o => o.RateLimit = 200);
        Seed(server, "user_1", 2000, "mine");
        Seed(server, "user_2", 300, "theirs");
        using var client = Client(server);
        var reports = new ConcurrentQueue<MemoryEraseProgress>();
        var watch = Stopwatch.StartNew();

        var result = await client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 8, Progress = new SyncProgress(reports.Enqueue) });

        watch.Stop();
        var requests = server.Requests;
        var limited = requests.Count(r => r.StatusCode == 429);
        output.WriteLine($"2000 memories erased in {watch.Elapsed.TotalSeconds:0.00} s (the limit allows {requests.Count / 200.0:0.00} s for {requests.Count} requests): {limited} answered 429 ({100.0 * limited / requests.Count:0.0} %), {reports.Count} progress reports");
        Assert.True(result.Complete);
        Assert.Equal((2000, 2000, 0, 0), (result.Found, result.Deleted, result.AlreadyGone, result.Skipped));
        Assert.Empty(result.Failed);
        Assert.All(server.Memories, m => Assert.Equal("user_2", m.UserId));
        Assert.Equal(300, server.Memories.Count);
        Assert.All(requests.Where(r => r.Method == "DELETE"), r => Assert.Equal("?user_id=user_1", r.RawQuery));
        Assert.True(limited < requests.Count * 0.05, $"{limited} of {requests.Count} requests answered 429");
        Assert.Equal(new MemoryEraseProgress(2000, 2000, 0, 0), reports.Last());
        Assert.True(reports.Count >= 3, "reported at least every second while it ran");
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(
            pair.Second.Found >= pair.First.Found && pair.Second.Deleted >= pair.First.Deleted && pair.Second.AlreadyGone >= pair.First.AlreadyGone && pair.Second.Failed >= pair.First.Failed,
            $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public async Task Cancelled_at_about_half_it_throws_and_running_it_again_finishes_the_job()
    {
        await using var server = await MieltoTestServer.StartAsync();
        Seed(server, "user_1", 600, "mine");
        Seed(server, "user_2", 100, "theirs");

        // Each delete takes a few milliseconds, so that the watcher below sees the halfway mark well before the end.
        server.DelayNext(600, TimeSpan.FromMilliseconds(5), MieltoOperation.Delete);
        using var client = Client(server);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(_ => { });
        var watcher = Task.Run(async () =>
        {
            while (server.Memories.Count > 100 + 300)
            {
                await Task.Delay(1);
            }

            await cancel.CancelAsync();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 4, Progress = progress }, cancel.Token));
        await watcher;

        // Deletes the client cancelled may still complete on the server (each is held 5 ms there): count once they have.
        var left = server.Memories.Count(m => m.UserId == "user_1");
        for (var still = 0; still < 3; still = server.Memories.Count(m => m.UserId == "user_1") == left ? still + 1 : 0)
        {
            left = server.Memories.Count(m => m.UserId == "user_1");
            await Task.Delay(20);
        }

        var rerun = await client.Memories.DeleteAllForUserAsync("user_1");

        output.WriteLine($"cancelled with {left} of 600 left; the second run deleted {rerun.Deleted}");
        Assert.InRange(left, 1, 400);
        Assert.True(rerun.Complete);
        Assert.Equal(left, rerun.Deleted);
        Assert.Equal(100, server.Memories.Count);
        Assert.All(server.Memories, m => Assert.Equal("user_2", m.UserId));
    }

    [Fact]
    public async Task A_429_that_outlasts_the_retries_is_waited_out_and_tried_again_not_failed()
    {
        await using var server = await MieltoTestServer.StartAsync();
        Seed(server, "user_1", 20, "mine");
        server.FailNext(12, HttpStatusCode.TooManyRequests, TimeSpan.Zero, MieltoOperation.Delete);
        using var client = Client(server, maxRetries: 1);

        var result = await client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 4 });

        Assert.True(result.Complete);
        Assert.Equal(20, result.Deleted);
        Assert.Empty(server.Memories);
        Assert.Equal(12, server.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task Deletes_that_fail_are_reported_once_each_and_the_rest_is_erased()
    {
        await using var server = await MieltoTestServer.StartAsync();
        Seed(server, "user_1", 10, "mine");
        server.FailNext(4, HttpStatusCode.InternalServerError, operation: MieltoOperation.Delete);
        using var client = Client(server, maxRetries: 1);

        var result = await client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 1 });

        Assert.False(result.Complete);
        Assert.Equal(2, result.Failed.Count);
        Assert.All(result.Failed, f => Assert.Equal(HttpStatusCode.InternalServerError, f.StatusCode));
        Assert.All(result.Failed, f => Assert.IsType<MieltoServerException>(f.Exception));
        Assert.Equal(8, result.Deleted);
        Assert.Equal(result.Failed.Select(f => f.MemoryId).Order(StringComparer.Ordinal), server.Memories.Select(m => m.MemoryId));
        Assert.Equal((8 * 1) + (2 * 2), server.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task Memories_deleted_meanwhile_by_someone_else_count_as_already_gone()
    {
        await using var server = await MieltoTestServer.StartAsync();
        Seed(server, "user_1", 30, "mine");
        using var client = Client(server);
        var erasing = client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 1 });
        server.DelayNext(1, TimeSpan.FromMilliseconds(200), MieltoOperation.Delete);
        await Task.Delay(50);
        foreach (var memory in server.Memories.Where(m => string.CompareOrdinal(m.MemoryId, "mine_00020") >= 0))
        {
            await client.Memories.DeleteIfExistsAsync(memory.MemoryId);
        }

        var result = await erasing;

        Assert.True(result.Complete);
        Assert.Equal(30, result.Deleted + result.AlreadyGone);
        Assert.Empty(server.Memories);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_missing_user_id_is_refused_before_anything_is_sent(string? userId)
    {
        await using var server = await MieltoTestServer.StartAsync();
        Seed(server, "user_1", 3, "mine");
        using var client = Client(server);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Memories.DeleteAllForUserAsync(userId!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Memories.ExportForUserAsync(userId!, Stream.Null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Memories.DeleteAllForUserAsync("user_1", new MemoryEraseOptions { MaxConcurrency = 65 }));

        Assert.Empty(server.Requests);
        Assert.Equal(3, server.Memories.Count);
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread and checks that no two reports overlap.</summary>
    private sealed class SyncProgress(Action<MemoryEraseProgress> report) : IProgress<MemoryEraseProgress>
    {
        private int _inside;

        public void Report(MemoryEraseProgress value)
        {
            Assert.Equal(0, Interlocked.Exchange(ref _inside, 1));
            report(value);
            Thread.Sleep(1);
            Interlocked.Exchange(ref _inside, 0);
        }
    }
}
