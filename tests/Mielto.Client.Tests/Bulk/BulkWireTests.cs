using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace Mielto.Client.Tests.Bulk;

/// <summary>Erasure and export against a server that misbehaves: what it lists is checked, never trusted.</summary>
[Collection(PagingCollection.Name)]
public sealed class BulkWireTests(WireServer wire) : WireTest(wire)
{
    private static string Memory(string id, string userId) => $$$"""{"memory_id":"{{{id}}}","user_id":"{{{userId}}}","memory":"content of {{{id}}}","topics":["t"],"created_at":"2024-01-02T03:04:05","metadata":{"n":1.50}}""";

    private void ListAnswers(params string[] memories) =>
        Wire.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/memories"))
            .RespondWith(Json(200, $$"""{"memories":[{{string.Join(",", memories)}}],"total_count":{{memories.Length}},"next_cursor":null,"has_more":false}"""));

    [Fact]
    public async Task Erase_never_deletes_a_memory_the_server_lists_for_another_user()
    {
        ListAnswers(Memory("mine", "user_1"), Memory("foreign", "user_2"));
        Wire.Server.Given(Request.Create().UsingDelete()).RespondWith(Json(200, """{"memory_id":"mine","message":"ok"}"""));

        var result = await Client().DeleteAllForUserAsync("user_1");

        Assert.Equal((1, 1, 1), (result.Found, result.Deleted, result.Skipped));
        Assert.True(result.Complete);
        var deletes = Wire.Requests.Where(r => r.RequestMessage!.Method == "DELETE").Select(r => r.RawTarget()).ToList();
        Assert.Equal(["/api/v1/memories/mine?user_id=user_1"], deletes);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("foreign", StringComparison.Ordinal) && e.Text.Contains("user_1", StringComparison.Ordinal));
        Assert.Equal(["/api/v1/memories?user_id=user_1&limit=100"], Wire.Requests.Where(r => r.RequestMessage!.Method == "GET").Select(r => r.RawTarget()).Distinct());
    }

    [Fact]
    public async Task Erase_reports_an_id_that_cannot_be_sent_as_a_failure_and_goes_on()
    {
        ListAnswers(Memory("..", "user_1"), Memory("ok", "user_1"));
        Wire.Server.Given(Request.Create().UsingDelete()).RespondWith(Json(200, """{"memory_id":"ok","message":"ok"}"""));

        var result = await Client().DeleteAllForUserAsync("user_1");

        Assert.False(result.Complete);
        var failure = Assert.Single(result.Failed);
        Assert.Equal("..", failure.MemoryId);
        Assert.IsType<ArgumentException>(failure.Exception);
        Assert.Null(failure.StatusCode);
        Assert.Equal(1, result.Deleted);
    }

    [Fact]
    public async Task Erase_lists_again_from_the_start_until_a_listing_finds_nothing_new()
    {
        // A server whose listing shows what is already deleted: the erasure does not loop on it.
        ListAnswers(Memory("a", "user_1"), Memory("b", "user_1"));
        Wire.Server.Given(Request.Create().UsingDelete()).RespondWith(Json(200, """{"memory_id":"a","message":"ok"}"""));

        var result = await Client().DeleteAllForUserAsync("user_1");

        Assert.Equal(2, result.Deleted);
        Assert.Equal(2, Wire.Requests.Count(r => r.RequestMessage!.Method == "GET"));
        Assert.Equal(2, Wire.Requests.Count(r => r.RequestMessage!.Method == "DELETE"));
    }

    [Fact]
    public async Task Export_writes_the_users_memories_as_json_lines_and_leaves_out_anyone_elses()
    {
        // Fields the SDK does not model, nulls, a naive timestamp and a decimal written as 1.50: each line is the
        // object exactly as the API returned it.
        const string First = """{"memory_id":"m1","user_id":"user_1","memory":"likes tea","topics":null,"metadata":null,"memory_type":"user","agent_id":"agent_7","score":0.5,"created_at":"2024-01-02T03:04:05","extra":{"n":1.50,"list":[1,"x",null]}}""";
        ListAnswers(First, Memory("foreign", "user_2"), Memory("m2", "user_1"));
        using var destination = new MemoryStream();

        var written = await Client().ExportForUserAsync("user_1", destination);

        var bytes = destination.ToArray();
        Assert.Equal(2, written);
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal([First, Memory("m2", "user_1")], text.Split('\n')[..^1]);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("foreign", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_reports_a_page_that_is_not_a_memory_list()
    {
        ListAnswers("""{"memory_id":"m1"}""");

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client().ExportForUserAsync("user_1", Stream.Null));

        Assert.Contains("not the expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_refuses_a_stream_it_cannot_write()
    {
        using var readOnly = new MemoryStream([], writable: false);

        await Assert.ThrowsAsync<ArgumentException>(() => Client().ExportForUserAsync("user_1", readOnly));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client().ExportForUserAsync("user_1", null!));

        Assert.Empty(Wire.Arrivals);
    }
}
