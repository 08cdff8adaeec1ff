using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests;

[Collection(ResilienceCollection.Name)]
public sealed class ResilienceTests(WireServer wire) : WireTest(wire)
{
    private static Func<IResponseBuilder> Status(int status, params (string Name, string Value)[] headers) => () =>
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"detail":"try later"}""");
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    };

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Delete_retries_a_transient_status_and_returns_the_later_success(int status)
    {
        RespondInSequence(Status(status), Status(status), () => Json(200, Deleted));

        var result = await Client(o => o.MaxRetries = 2).DeleteAsync("mem_1");

        Assert.Equal("mem_1", result.MemoryId);
        Assert.Equal(3, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal("/api/v1/memories/mem_1", r.RawTarget()));
    }

    [Theory]
    [InlineData(503, typeof(MieltoServerException))]
    [InlineData(429, typeof(MieltoRateLimitException))]
    [InlineData(408, typeof(MieltoApiException))]
    public async Task Delete_gives_up_after_MaxRetries_with_the_last_status(int status, Type expected)
    {
        RespondInSequence(Status(500), Status(status));

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => Client(o => o.MaxRetries = 3).DeleteAsync("mem_1"));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(4, Wire.Requests.Count);
        Assert.Contains("after 4 attempts", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(501)]
    [InlineData(505)]
    public async Task Delete_never_retries_other_statuses(int status)
    {
        RespondInSequence(Status(status));

        await Assert.ThrowsAnyAsync<MieltoApiException>(() => Client(o => o.MaxRetries = 3).DeleteAsync("mem_1"));

        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Delete_does_not_retry_when_MaxRetries_is_zero()
    {
        RespondInSequence(Status(503));

        await Assert.ThrowsAsync<MieltoServerException>(() => Client(o => o.MaxRetries = 0).DeleteAsync("mem_1"));

        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Delete_keeps_the_settings_it_was_built_with_when_the_options_change_later()
    {
        Respond(503, """{"detail":"down"}""");
        var services = Services(o => o.MaxRetries = 1);
        var client = services.GetRequiredService<IMemoriesClient>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MieltoClientOptions>>().Value;
        options.MaxRetries = 5;
        options.ApiKey = "mk_changed";

        await Assert.ThrowsAsync<MieltoServerException>(() => client.DeleteAsync("mem_1"));

        Assert.Equal(2, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Header("Authorization")));
    }

    [Fact]
    public async Task Delete_honours_Retry_After_in_seconds_to_the_tick()
    {
        RespondInSequence(Status(429, ("Retry-After", "1")), () => Json(200, Deleted));
        var clock = new WatchedClock();
        var client = ClientOn(clock, o => { o.MaxRetryDelay = TimeSpan.FromSeconds(10); o.Timeout = TimeSpan.FromDays(1); });

        var call = client.DeleteAsync("mem_1");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.AdvanceToJustBefore(TimeSpan.FromSeconds(1));

        Assert.Single(Wire.Arrivals);
        Assert.False(call.IsCompleted);
        clock.AdvanceOneTick();
        Assert.Equal("mem_1", (await call.WaitAsync(TimeSpan.FromSeconds(10))).MemoryId);
        Assert.Equal(2, Wire.Arrivals.Count);
    }

    [Fact]
    public async Task Delete_caps_Retry_After_at_MaxRetryDelay()
    {
        RespondInSequence(Status(503, ("Retry-After", "3600")), () => Json(200, Deleted));
        var client = Client(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(50));

        var watch = Stopwatch.StartNew();
        await client.DeleteAsync("mem_1");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(2, Wire.Requests.Count);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    public async Task Delete_reports_Retry_After_seconds_on_the_rate_limit_exception(string header, int seconds)
    {
        RespondInSequence(Status(429, ("Retry-After", header)));

        var error = await Assert.ThrowsAsync<MieltoRateLimitException>(() => Client(o => o.MaxRetries = 0).DeleteAsync("mem_1"));

        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
        Assert.Contains($"wait {seconds} s", error.Message);
    }

    [Fact]
    public async Task Delete_reports_an_HTTP_date_Retry_After_as_the_time_left()
    {
        var date = DateTimeOffset.UtcNow.AddMinutes(2).ToString("R");
        RespondInSequence(Status(429, ("Retry-After", date)));

        var error = await Assert.ThrowsAsync<MieltoRateLimitException>(() => Client(o => o.MaxRetries = 0).DeleteAsync("mem_1"));

        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public async Task Delete_reports_no_Retry_After_when_the_server_gives_none_valid(string? header)
    {
        RespondInSequence(header is null ? Status(429) : Status(429, ("Retry-After", header)));

        var error = await Assert.ThrowsAsync<MieltoRateLimitException>(() => Client(o => o.MaxRetries = 0).DeleteAsync("mem_1"));

        Assert.Null(error.RetryAfter);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("get")]
    public async Task A_bodiless_call_retries_a_dropped_connection_then_throws_a_connection_exception(string operation)
    {
        using var dropping = new DroppingServer();
        var memories = Client(o =>
        {
            o.BaseAddress = dropping.BaseAddress;
            o.MaxRetries = 2;
        });

        var error = await Assert.ThrowsAsync<MieltoConnectionException>(() => operation == "get" ? memories.GetAsync("mem_1") : memories.DeleteAsync("mem_1"));

        // Three attempts of the SDK's; in each, the socket handler itself tries new connections a few times.
        Assert.InRange(dropping.Connections, 3, 3 * Transport.MostSendsPerBodilessAttempt);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.Contains("after 3 attempts", error.Message);
    }

    [Fact]
    public async Task Delete_throws_a_connection_exception_when_the_connection_is_refused()
    {
        var error = await Assert.ThrowsAsync<MieltoConnectionException>(() => Client(o =>
        {
            o.BaseAddress = DroppingServer.RefusingAddress();
            o.MaxRetries = 1;
        }).DeleteAsync("mem_1"));

        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.Contains("could not reach Mielto", error.Message);
    }

    [Fact]
    public async Task Delete_times_out_each_attempt_to_the_tick_then_throws_MieltoTimeoutException()
    {
        AnswerAfterThreeSeconds();
        var clock = new WatchedClock();
        var timeout = TimeSpan.FromMilliseconds(200);
        var client = ClientOn(clock, o => { o.Timeout = timeout; o.MaxRetries = 1; });

        var call = client.DeleteAsync("mem_1");
        await clock.WaitForTimerAsync(timeout);
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        clock.AdvanceToJustBefore(timeout);
        Assert.False(call.IsCompleted);
        clock.AdvanceOneTick();

        // The backoff, when its jittered delay is not zero, then the second attempt's own limit.
        TimeSpan due;
        while ((due = await clock.WaitForTimerAsync(_ => true, "the backoff or the second attempt's limit")) != timeout)
        {
            clock.Advance(due);
        }

        await Until.TrueAsync(() => Wire.Arrivals.Count == 2);
        clock.AdvanceToJustBefore(timeout);
        Assert.False(call.IsCompleted);
        clock.AdvanceOneTick();

        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, Wire.Arrivals.Count);
        Assert.Contains("Timeout (0.2 s) on 2 attempts", error.Message);
    }

    [Fact]
    public async Task Delete_stops_at_the_OverallTimeout_to_the_tick()
    {
        AnswerAfterThreeSeconds();
        var clock = new WatchedClock();
        var overall = TimeSpan.FromMilliseconds(300);
        var client = ClientOn(clock, o => { o.Timeout = TimeSpan.FromSeconds(2); o.OverallTimeout = overall; });

        var call = client.DeleteAsync("mem_1");
        await clock.WaitForTimerAsync(overall);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        clock.AdvanceToJustBefore(overall);
        Assert.False(call.IsCompleted);
        clock.AdvanceOneTick();

        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("OverallTimeout", error.Message);
        Assert.Single(Wire.Arrivals);
    }

    [Fact]
    public async Task Delete_reports_attempt_timeouts_as_such_when_an_OverallTimeout_is_set_but_not_reached()
    {
        AnswerAfterThreeSeconds();
        var clock = new WatchedClock();
        var timeout = TimeSpan.FromMilliseconds(200);
        var client = ClientOn(clock, o => { o.Timeout = timeout; o.OverallTimeout = TimeSpan.FromSeconds(20); o.MaxRetries = 1; });

        var call = client.DeleteAsync("mem_1");
        await ExpireAttemptAsync(clock, timeout, arrival: 1);
        await ExpireAttemptAsync(clock, timeout, arrival: 2);
        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(2, Wire.Arrivals.Count);
        Assert.Contains("Timeout (0.2 s) on 2 attempts", error.Message);
    }

    [Fact]
    public async Task Delete_after_a_timed_out_call_is_not_cut_short_by_that_call_s_timer()
    {
        Wire.Server.Given(Request.Create().UsingAnyMethod().WithPath("/api/v1/memories/mem_slow")).AtPriority(1)
            .RespondWith(Json(200, Deleted).WithDelay(TimeSpan.FromSeconds(3)));
        Wire.Server.Given(Request.Create().UsingAnyMethod()).AtPriority(10).RespondWith(Json(200, Deleted));
        var clock = new WatchedClock();
        var timeout = TimeSpan.FromMilliseconds(500);
        var client = ClientOn(clock, o => { o.Timeout = timeout; o.MaxRetries = 0; });
        var slow = client.DeleteAsync("mem_slow");
        await clock.WaitForTimerAsync(timeout);
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        clock.Advance(timeout);
        await Assert.ThrowsAsync<MieltoTimeoutException>(() => slow.WaitAsync(TimeSpan.FromSeconds(10)));

        // Each later call must get a limit of its own, not the expired one. The fake clock stands still, so only a
        // limit carried over from the first call could end them, however slowly the machine answers.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("mem_1", (await client.DeleteAsync("mem_1")).MemoryId);
        }
    }

    [Fact]
    public async Task Delete_times_attempts_on_the_TimeProvider_registered_in_the_container()
    {
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Json(200, Deleted).WithDelay(TimeSpan.FromSeconds(30)));
        var clock = new FakeTimeProvider();
        var client = Services(o => o.MaxRetries = 0, register: services => services.AddSingleton<TimeProvider>(clock)).GetRequiredService<IMemoriesClient>();

        var call = client.DeleteAsync("mem_1");
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Timeout (30 s) on 1 attempt", error.Message);
    }

    [Fact]
    public async Task Delete_waits_its_backoff_on_the_TimeProvider_registered_in_the_container()
    {
        RespondInSequence(Status(503), () => Json(200, Deleted));
        var clock = new FakeTimeProvider();
        var client = Services(
            o =>
            {
                o.RetryDelay = TimeSpan.FromMinutes(10);
                o.MaxRetryDelay = TimeSpan.FromMinutes(10);
                o.Timeout = TimeSpan.FromDays(1);
            },
            register: services => services.AddSingleton<TimeProvider>(clock)).GetRequiredService<IMemoriesClient>();

        var call = client.DeleteAsync("mem_1");
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        Assert.False(call.IsCompleted);

        // The backoff starts once the 503 has been read, which may be after this point: move the clock on a
        // minute at a time until the retry has been made, up to twice the delay.
        for (var minutes = 0; minutes < 20 && Wire.Arrivals.Count < 2; minutes++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        Assert.Equal("mem_1", (await call.WaitAsync(TimeSpan.FromSeconds(10))).MemoryId);
        Assert.Equal(2, Wire.Arrivals.Count);
    }

    [Fact]
    public async Task Delete_throws_OperationCanceledException_when_the_caller_cancels_a_hung_call()
    {
        AnswerAfterThreeSeconds();
        using var cancellation = new CancellationTokenSource();
        var call = Client().DeleteAsync("mem_1", cancellationToken: cancellation.Token);
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);

        var watch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotAssignableFrom<MieltoException>(error);

        // Well before the server's 3 s answer, with room for a machine loaded by other processes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Single(Wire.Arrivals);
    }

    [Fact]
    public async Task Delete_throws_OperationCanceledException_promptly_when_cancelled_during_a_retry_delay()
    {
        RespondInSequence(Status(503, ("Retry-After", "30")), () => Json(200, Deleted));
        using var cancellation = new CancellationTokenSource();
        var call = Client(o => o.MaxRetryDelay = TimeSpan.FromSeconds(30)).DeleteAsync("mem_1", cancellationToken: cancellation.Token);
        await Until.TrueAsync(() => Wire.Requests.Count == 1);

        var watch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // Well before the 30 s delay ends, with room for a machine loaded by other processes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(Wire.Arrivals);
    }

    /// <summary>Makes the server answer every request only after 3 s.</summary>
    private void AnswerAfterThreeSeconds() =>
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Json(200, Deleted).WithDelay(TimeSpan.FromSeconds(3)));

    /// <summary>
    /// Once attempt number <paramref name="arrival"/> has reached the server, moves the fake clock through its time limit,
    /// taking the backoff before it (a timer shorter than the limit) and leaving longer ones (the whole call's) alone.
    /// </summary>
    private async Task ExpireAttemptAsync(WatchedClock clock, TimeSpan timeout, int arrival)
    {
        TimeSpan due;
        while ((due = await clock.WaitForTimerAsync(d => d <= timeout, "the backoff or the attempt's limit")) != timeout)
        {
            clock.Advance(due);
        }

        await Until.TrueAsync(() => Wire.Arrivals.Count == arrival);
        clock.Advance(timeout);
    }

    [Fact]
    public async Task Delete_sends_nothing_when_already_cancelled()
    {
        Respond(200, Deleted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().DeleteAsync("mem_1", cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(Wire.Requests);
    }
}
