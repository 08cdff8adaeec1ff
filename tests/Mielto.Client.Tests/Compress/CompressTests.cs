using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Testing;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.StandIn;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests.Compress;

/// <summary>Compress at the wire: the body both official SDKs send, the webhook's acknowledgement, its own time limit, and no re-send of work in progress.</summary>
[Collection(PagingCollection.Name)]
public sealed class CompressWireTests(WireServer wire) : WireTest(wire)
{
    private const string Done = """{"status":"success","content":"tea 80 degrees","compression_time":0.5,"original_length":30,"compressed_length":14}""";

    private ICompressClient Compress(Action<MieltoClientOptions>? configure = null) => Services(configure).GetRequiredService<ICompressClient>();

    [Fact]
    public async Task A_text_goes_as_content_with_the_strategy_and_include_metadata_always_sent()
    {
        Respond(200, Done);

        var result = await Compress().CompressAsync(new CompressRequest { Text = "Tea is at 80 °C." });

        var request = Assert.Single(Wire.Requests);
        Assert.Equal(("POST", "/api/v1/compress"), (request.RequestMessage!.Method, request.RawTarget()));
        Assert.Equal("""{"content":"Tea is at 80 °C.","strategy":"ai_compress","include_metadata":false}""", request.RequestMessage.Body);
        Assert.Equal(("tea 80 degrees", 0.5, 30, 14), (result.Content, result.CompressionSeconds!.Value, result.OriginalLength!.Value, result.CompressedLength!.Value));
        Assert.False(result.SentToWebhook || result.IsProcessing);
    }

    [Fact]
    public async Task A_conversation_goes_as_messages_under_the_key_message_with_their_other_fields()
    {
        Respond(200, """{"status":"success","message":"Compression response will be sent to webhook"}""");

        var result = await Compress().CompressAsync(new CompressRequest
        {
            Messages =
            [
                new CompressMessage { Message = "I like tea", Role = "user", UserId = "user_1", AdditionalProperties = new Dictionary<string, JsonElement> { ["turn"] = JsonSerializer.SerializeToElement(1) } },
                new CompressMessage { Message = "Noted", Role = "assistant", CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) },
            ],
            Strategy = "summarize",
            IncludeMetadata = true,
            WebhookUrl = new Uri("https://app.example/hooks/compress"),
        });

        Assert.Equal(
            """{"content":[{"message":"I like tea","role":"user","user_id":"user_1","turn":1},{"message":"Noted","role":"assistant","created_at":"2026-01-02T03:04:05+00:00"}],"strategy":"summarize","include_metadata":true,"webhook_url":"https://app.example/hooks/compress"}""",
            Assert.Single(Wire.Requests).RequestMessage!.Body);
        Assert.True(result.SentToWebhook);
    }

    [Fact]
    public async Task Work_the_server_is_still_processing_is_a_result_and_is_not_sent_again()
    {
        Respond(200, """{"status":"success","message":"Your request is being processed"}""");

        var result = await Compress().CompressAsync(new CompressRequest { Text = "long text" });

        Assert.True(result.IsProcessing);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task It_has_its_own_time_limit_in_place_of_Timeout_and_a_call_can_give_another()
    {
        Wire.Server.Given(WireMock.RequestBuilders.Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Done).WithDelay(300));
        var limited = Compress(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.OverallTimeout = TimeSpan.FromMilliseconds(150);
        });

        var result = await limited.CompressAsync(new CompressRequest { Text = "slow" });
        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => Compress().CompressAsync(new CompressRequest { Text = "slow" }, TimeSpan.FromMilliseconds(100)));

        Assert.Equal("tea 80 degrees", result.Content);
        Assert.Contains("within its own limit (0.1 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_that_cannot_be_sent_is_refused_before_sending()
    {
        var compress = Compress();

        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest()));
        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest { Text = "a", Messages = [new CompressMessage { Message = "b" }] }));
        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest { Text = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest { Messages = [] }));
        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest { Text = "a", WebhookUrl = new Uri("ftp://x.example/") }));
        await Assert.ThrowsAsync<ArgumentException>(() => compress.CompressAsync(new CompressRequest { Text = "bad \ud800" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => compress.CompressAsync(new CompressRequest { Text = "a" }, TimeSpan.Zero));

        Assert.Empty(Wire.Requests);
    }
}

/// <summary>Compress against the stand-in: deterministic, for users' tests.</summary>
[Collection(StandInCollection.Name)]
public sealed class CompressStandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly ICompressClient _compress = fixture.Client.Compress;

    [Fact]
    public async Task A_text_and_a_conversation_compress_to_the_same_words_every_time()
    {
        var text = await _compress.CompressAsync(new CompressRequest { Text = "The green tea is really very good" });
        var conversation = await _compress.CompressAsync(new CompressRequest { Messages = [new CompressMessage { Message = "I like the tea", Role = "user" }] });
        var hooked = await _compress.CompressAsync(new CompressRequest { Text = "x", WebhookUrl = new Uri("https://app.example/hook") });

        Assert.Equal(("green tea good", 33, 14), (text.Content, text.OriginalLength!.Value, text.CompressedLength!.Value));
        Assert.Equal("user: I like tea", conversation.Content);
        Assert.True(hooked.SentToWebhook);
        Assert.Equal(MieltoOperation.Compress, Server.Requests[^1].Operation);
    }
}
