using CsCheck;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// Property: for any operation on one memory (get, update, replace, delete), memory id, user id and workspace id,
/// the SDK either refuses the call with an <see cref="ArgumentException"/> before sending anything (and only for
/// input that truly cannot be sent unchanged, or would reach another route), or the server receives exactly that id
/// as the one path segment after /api/v1/memories/ (before <c>/replace</c> for a replace), and exactly that
/// user_id (in the query, or in the body of an update or replace) and X-Workspace-Id. CsCheck shrinks a failure to its smallest case and prints the seed
/// that replays it (set CsCheck_Seed to replay; MIELTO_PROPERTY_ITERATIONS to run more cases).
/// </summary>
public sealed class InputPropertyTests : IDisposable
{
    private const string Prefix = "/api/v1/memories/";

    private static readonly int Iterations = RunSize.From("MIELTO_PROPERTY_ITERATIONS", 3000);

    /// <summary>Characters that matter to URLs, headers and text encodings, mixed with ordinary ones.</summary>
    private static readonly Gen<char> Tricky = Gen.OneOf<char>(
        '/', '\\', '?', '#', '%', '+', '&', '=', ';', ':', '@', ' ', '\t', '.', '~', '*', '\'', '"', '<', '>', '[', ']', '{', '}', '|',
        '\r', '\n', '\0', '\u007f', '\u0085', '\u00a0', 'é', 'ß', '☃', '\u200b', '\ufeff', '\ud83d', '\ude00', 'a', 'Z', '0', '-', '_');

    private static readonly Gen<string> Text = Gen.OneOf<string>(
        Gen.String,
        Gen.String[Gen.Char[' ', '~'], 0, 24],
        Gen.String[Tricky, 0, 12],
        Gen.OneOf<string>("", " ", "  ", "\t", ".", "..", "...", "./", "../", "%2e", "%2e%2e", "%2F", "a/b", "a/../b", "?user_id=x", "#", "+", "😀", "\ud800", "x\udc00", "chunks", "profile", "search", "replace", "bulk"));

    /// <summary>The operations on one memory, by the method each sends.</summary>
    private static readonly Gen<string> Method = Gen.OneOf("DELETE", "GET", "PUT", "POST");

    private static readonly Gen<string?> OptionalText = Text.Null(0.2);

    private readonly ITestOutputHelper _output;
    private const string MemoryJson = """{"memory_id":"m","user_id":"u","memory":"c"}""";

    private const string CollectionPrefix = "/api/v1/collections/";
    private const string CollectionJson = """{"id":"c","name":"n"}""";

    private const string ContentPrefix = "/api/v1/contents/";

    private readonly RawHttpServer _server = new(exchange => exchange.RespondAsync(200, exchange.Request.Method switch
    {
        _ when exchange.Request.Target.StartsWith(CollectionPrefix, StringComparison.Ordinal) => exchange.Request.Method is "DELETE" ? """{"collection_id":"c","status":"deleting"}""" : CollectionJson,
        _ when exchange.Request.Target.StartsWith(ContentPrefix, StringComparison.Ordinal) => exchange.Request.Method is "DELETE" ? string.Empty : CollectionJson,
        "GET" => MemoryJson,
        "PUT" => $$"""{"memory_id":"m","message":"ok","memory":{{MemoryJson}}}""",
        "POST" => $$"""{"memory_id":"m","message":"ok","old_memory":{{MemoryJson}},"new_memory":{{MemoryJson}}}""",
        _ => """{"memory_id":"m","message":"ok"}""",
    }));
    private readonly SdkClient _client;

    public InputPropertyTests(ITestOutputHelper output)
    {
        _output = output;
        _client = new SdkClient(_server.BaseAddress, "mk_property", o => o.MaxRetries = 0);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Any_id_is_refused_before_sending_or_reaches_the_server_exactly()
    {
        var sent = 0;
        var refused = 0;
        await Gen.Select(Method, Text, OptionalText, OptionalText).SampleAsync(
            async (method, memoryId, userId, workspaceId) =>
            {
                _server.Clear();
                var expectRefusal = MustBeRefused(method, memoryId, userId, workspaceId);
                try
                {
                    await CallAsync(method, memoryId, userId, workspaceId);
                }
                catch (ArgumentException)
                {
                    Assert.True(expectRefusal, "refused input that can be sent unchanged");
                    Assert.Empty(_server.Received);
                    Interlocked.Increment(ref refused);
                    return;
                }

                Assert.False(expectRefusal, "sent input that cannot reach the server unchanged");
                AssertReceivedExactly(Assert.Single(_server.Received), method, memoryId, userId, workspaceId);
                Interlocked.Increment(ref sent);
            },
            writeLine: _output.WriteLine,
            iter: Iterations,
            threads: 1);

        _output.WriteLine($"{Iterations} cases: {sent} sent and received exactly, {refused} refused before sending.");
        Assert.True(sent > Iterations / 4 && refused > Iterations / 20, $"the generator must exercise both paths ({sent} sent, {refused} refused)");
    }

    [Fact]
    public Task Any_collection_id_is_refused_before_sending_or_reaches_the_server_exactly() =>
        OneIdPropertyAsync(CollectionPrefix, "search", (method, id, workspaceId) => method switch
        {
            "GET" => _client.Client.Collections.GetAsync(id, workspaceId),
            "PUT" => _client.Client.Collections.UpdateAsync(id, new CollectionUpdateRequest { Name = "n" }, workspaceId),
            _ => _client.Client.Collections.DeleteAsync(id, workspaceId),
        });

    [Fact]
    public Task Any_content_id_is_refused_before_sending_or_reaches_the_server_exactly() =>
        OneIdPropertyAsync(ContentPrefix, "bulk", (method, id, workspaceId) => method switch
        {
            "GET" => _client.Client.Contents.GetAsync(id, workspaceId),
            "PUT" => _client.Client.Contents.UpdateAsync(id, new ContentUpdateRequest { Name = "n" }, workspaceId),
            _ => _client.Client.Contents.DeleteAsync(id, workspaceId),
        });

    /// <summary>
    /// The property for a resource addressed by one id after <paramref name="prefix"/>: a get, an update (PUT or PATCH,
    /// as the resource has it) and a delete, with any id and workspace, either refused before sending (empty, <c>.</c>,
    /// <c>..</c>, <paramref name="route"/>, or text that cannot be sent unchanged) or received as exactly that one segment.
    /// </summary>
    private async Task OneIdPropertyAsync(string prefix, string route, Func<string, string, string?, Task> call)
    {
        var sent = 0;
        await Gen.Select(Gen.OneOf("DELETE", "GET", "PUT"), Text, OptionalText).SampleAsync(
            async (method, id, workspaceId) =>
            {
                _server.Clear();
                var expectRefusal = string.IsNullOrWhiteSpace(id) || id is "." or ".." || string.Equals(id, route, StringComparison.Ordinal) || !IsWellFormed(id)
                    || (!string.IsNullOrEmpty(workspaceId) && !IsSendableHeader(workspaceId));
                try
                {
                    await call(method, id, workspaceId);
                }
                catch (ArgumentException)
                {
                    Assert.True(expectRefusal, "refused an id that can be sent unchanged");
                    Assert.Empty(_server.Received);
                    return;
                }

                Assert.False(expectRefusal, "sent input that cannot reach the server unchanged");
                var request = Assert.Single(_server.Received);
                Assert.Equal(method, request.Method is "PATCH" ? "PUT" : request.Method);
                Assert.True(request.Target.All(c => c is > ' ' and <= '~'), $"the request target must be printable ASCII: {request.Target}");
                Assert.StartsWith(prefix, request.Target);
                var segment = request.Target[prefix.Length..];
                Assert.DoesNotContain('/', segment);
                Assert.DoesNotContain('?', segment);
                Assert.DoesNotContain('#', segment);
                Assert.Equal(id, Uri.UnescapeDataString(segment));
                Assert.Equal(string.IsNullOrEmpty(workspaceId) ? null : workspaceId, request.HeaderCount("X-Workspace-Id") == 0 ? null : request.Header("X-Workspace-Id"));
                Interlocked.Increment(ref sent);
            },
            writeLine: _output.WriteLine,
            iter: Iterations,
            threads: 1);

        Assert.True(sent > Iterations / 4, $"the generator must exercise sending ({sent} sent)");
    }

    private Task CallAsync(string method, string memoryId, string? userId, string? workspaceId) => method switch
    {
        "GET" => _client.Memories.GetAsync(memoryId, userId, workspaceId),
        "PUT" => _client.Memories.UpdateAsync(memoryId, new MemoryUpdateRequest { UserId = userId, Content = "c" }, workspaceId),
        "POST" => _client.Memories.ReplaceAsync(memoryId, new MemoryReplaceRequest { UserId = userId, Content = "c" }, workspaceId),
        _ => _client.Memories.DeleteAsync(memoryId, userId, workspaceId),
    };

    /// <summary>The specification of refusal, written independently of the SDK's code.</summary>
    private static bool MustBeRefused(string method, string memoryId, string? userId, string? workspaceId) =>
        string.IsNullOrWhiteSpace(memoryId) || memoryId is "." or ".."
        || (method == "GET" && memoryId is "chunks" or "profile")
        || !IsWellFormed(memoryId)
        || (!string.IsNullOrEmpty(userId) && !IsWellFormed(userId))
        || (!string.IsNullOrEmpty(workspaceId) && !IsSendableHeader(workspaceId));

    private static bool IsWellFormed(string text) => !TextRules.HasUnpairedSurrogate(text);

    private static bool IsSendableHeader(string value) =>
        value[0] != ' ' && value[^1] != ' ' && value.All(c => c is >= ' ' and <= '~');

    private static void AssertReceivedExactly(RawRequest request, string method, string memoryId, string? userId, string? workspaceId)
    {
        Assert.Equal(method, request.Method);
        var target = request.Target;
        Assert.True(target.All(c => c is > ' ' and <= '~'), $"the request target must be printable ASCII: {target}");
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        Assert.StartsWith(Prefix, path);
        var segment = path[Prefix.Length..];
        if (method == "POST")
        {
            Assert.EndsWith("/replace", segment);
            segment = segment[..^"/replace".Length];
        }

        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain('#', target);
        Assert.Equal(memoryId, Uri.UnescapeDataString(segment));

        if (method is "PUT" or "POST")
        {
            // An update or replace carries the user in its body, exactly as given; null is left out.
            Assert.Equal(-1, queryStart);
            using var body = System.Text.Json.JsonDocument.Parse(request.Body);
            Assert.Equal(userId, body.RootElement.TryGetProperty("user_id", out var sent) ? sent.GetString() : null);
        }
        else if (string.IsNullOrEmpty(userId))
        {
            Assert.Equal(-1, queryStart);
        }
        else
        {
            var query = target[(queryStart + 1)..];
            Assert.StartsWith("user_id=", query);
            var value = query["user_id=".Length..];
            Assert.DoesNotContain('&', value);
            Assert.DoesNotContain('+', value);
            Assert.Equal(userId, Uri.UnescapeDataString(value));
        }

        if (string.IsNullOrEmpty(workspaceId))
        {
            Assert.Equal(0, request.HeaderCount("X-Workspace-Id"));
        }
        else
        {
            Assert.Equal(1, request.HeaderCount("X-Workspace-Id"));
            Assert.Equal(workspaceId, request.Header("X-Workspace-Id"));
        }

        Assert.Equal("Bearer mk_property", request.Header("Authorization"));
    }
}
