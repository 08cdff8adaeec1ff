using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.Reliability;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests;

/// <summary>
/// Retries follow what an operation means: reads and idempotent writes are retried by the usual rules; a create
/// only when the server cannot have processed it. Each test counts the requests that reached the server.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class OperationResilienceTests(WireServer wire) : WireTest(wire)
{
    private static Func<IResponseBuilder> Status(int status, string? retryAfter = null) => () =>
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"detail":"try later"}""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    };

    public static TheoryData<string, int> IdempotentRetries()
    {
        var cases = new TheoryData<string, int>();
        foreach (var operation in OperationCase.All.Where(o => !OperationCase.NotIdempotent.Contains(o.Name)))
        {
            foreach (var status in new[] { 408, 429, 500, 502, 503, 504 })
            {
                cases.Add(operation.Name, status);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(IdempotentRetries))]
    public async Task Reads_and_idempotent_writes_retry_a_transient_status(string name, int status)
    {
        var operation = OperationCase.Named(name);
        RespondInSequence(Status(status), Status(status), () => Json(200, operation.SuccessBody));

        await operation.Invoke(Mielto(o => o.MaxRetries = 2), null);

        Assert.Equal(3, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal(operation.Path, r.RawTarget()));
    }

    public static TheoryData<string, int> NotIdempotentStatuses()
    {
        var cases = new TheoryData<string, int>();
        foreach (var name in OperationCase.NotIdempotent)
        {
            foreach (var status in new[] { 408, 500, 502, 503, 504 })
            {
                cases.Add(name, status);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(NotIdempotentStatuses))]
    public async Task Create_is_not_retried_after_a_status_that_may_follow_processing(string name, int status)
    {
        RespondInSequence(Status(status), () => Json(200, OperationCase.Named(name).SuccessBody));

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => OperationCase.Named(name).Invoke(Mielto(o => o.MaxRetries = 3), null));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Create_is_retried_after_429_honouring_Retry_After()
    {
        RespondInSequence(Status(429, "0"), Status(429, "0"), () => Json(200, OperationCase.Named("create").SuccessBody));

        var created = await Client(o => o.MaxRetries = 3).CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea" });

        Assert.Equal("mem_1", created.MemoryId);
        Assert.Equal(3, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal("""{"user_id":"user_1","memory":"likes tea"}""", r.RequestMessage!.Body));
    }

    [Fact]
    public async Task Create_is_not_retried_after_an_attempt_timed_out()
    {
        Wire.Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(Json(200, OperationCase.Named("create").SuccessBody).WithDelay(TimeSpan.FromSeconds(2)));
        var clock = new WatchedClock();
        var timeout = TimeSpan.FromMilliseconds(150);
        var client = MieltoOn(clock, o => { o.Timeout = timeout; o.MaxRetries = 3; });

        var call = OperationCase.Named("create").Invoke(client, null);
        await clock.WaitForTimerAsync(timeout);
        await Until.TrueAsync(() => Wire.Arrivals.Count == 1);
        clock.Advance(timeout);
        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("on 1 attempt", error.Message);
        Assert.Single(Wire.Arrivals);
    }

    [Fact]
    public async Task Create_is_retried_when_the_connection_cannot_be_made()
    {
        var error = await Assert.ThrowsAsync<MieltoConnectionException>(() => OperationCase.Named("create").Invoke(Mielto(o =>
        {
            o.BaseAddress = DroppingServer.RefusingAddress();
            o.MaxRetries = 2;
        }), null));

        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
    }

    [Fact]
    public async Task Create_is_not_retried_when_the_connection_is_cut_after_the_request_was_sent()
    {
        using var server = new RawHttpServer(exchange =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<MieltoConnectionException>(() => OperationCase.Named("create").Invoke(Mielto(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.MaxRetries = 3;
        }), null));

        Assert.Contains("after 1 attempt", error.Message);
        Assert.Equal(1, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task An_idempotent_write_is_retried_when_the_connection_is_cut_after_sending()
    {
        using var server = new RawHttpServer(exchange =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<MieltoConnectionException>(() => OperationCase.Named("replace").Invoke(Mielto(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.MaxRetries = 3;
        }), null));

        Assert.Equal(4, server.Requests);
    }

    [Theory]
    [MemberData(nameof(OperationCase.Names), MemberType = typeof(OperationCase))]
    public async Task Every_operation_stops_at_once_when_its_token_is_cancelled(string name)
    {
        var operation = OperationCase.Named(name);
        Wire.Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod()).RespondWith(Json(200, operation.SuccessBody).WithDelay(TimeSpan.FromSeconds(5)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.Send(Mielto(), null, cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }
}
