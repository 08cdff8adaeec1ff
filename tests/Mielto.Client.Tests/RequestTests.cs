using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Tests.Infrastructure;

namespace Mielto.Client.Tests;

[Collection(RequestsCollection.Name)]
public sealed class RequestTests(WireServer wire) : WireTest(wire)
{
    [Fact]
    public async Task Delete_sends_DELETE_to_the_memory_path_with_the_bearer_key()
    {
        Respond(200, Deleted);

        await Client().DeleteAsync("mem_1");

        var request = Assert.Single(Wire.Requests);
        Assert.Equal("DELETE", request.RequestMessage!.Method);
        Assert.Equal("/api/v1/memories/mem_1", request.RawTarget());
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.StartsWith("Mielto.Client/", request.Header("User-Agent"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Delete_sends_no_user_id_when_none_is_given(string? userId)
    {
        Respond(200, Deleted);

        await Client().DeleteAsync("mem_1", userId);

        Assert.Equal("/api/v1/memories/mem_1", Assert.Single(Wire.Requests).RawTarget());
    }

    [Theory]
    [InlineData("user_42", "user_42")]
    [InlineData("a b+c&d=e/f?g#h%", "a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25")]
    [InlineData("élise☃", "%C3%A9lise%E2%98%83")]
    [InlineData(" ", "%20")]
    public async Task Delete_sends_the_user_id_as_given_in_the_query(string userId, string expectedQueryValue)
    {
        Respond(200, Deleted);

        await Client().DeleteAsync("mem_1", userId);

        Assert.Equal("/api/v1/memories/mem_1?user_id=" + expectedQueryValue, Assert.Single(Wire.Requests).RawTarget());
    }

    [Fact]
    public async Task Delete_sends_workspace_header_when_given()
    {
        Respond(200, Deleted);

        await Client().DeleteAsync("mem_1", workspaceId: "wsp_9");

        Assert.Equal("wsp_9", Assert.Single(Wire.Requests).Header("X-Workspace-Id"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Delete_sends_no_workspace_header_when_none_is_given_or_configured(string? workspaceId)
    {
        Respond(200, Deleted);

        await Client().DeleteAsync("mem_1", workspaceId: workspaceId);

        Assert.False(Assert.Single(Wire.Requests).HasHeader("X-Workspace-Id"));
    }

    [Fact]
    public async Task Delete_sends_the_configured_workspace_unless_the_call_overrides_it()
    {
        Respond(200, Deleted);
        var client = Client(o => o.WorkspaceId = "wsp_default");

        await client.DeleteAsync("mem_1");
        await client.DeleteAsync("mem_1", workspaceId: "");
        await client.DeleteAsync("mem_1", workspaceId: "wsp_call");

        Assert.Equal(["wsp_default", "wsp_default", "wsp_call"], Wire.Requests.Select(r => r.Header("X-Workspace-Id")));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../other", "..%2Fother")]
    [InlineData("a?user_id=x", "a%3Fuser_id%3Dx")]
    [InlineData("a#b", "a%23b")]
    [InlineData("100%", "100%25")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("a b", "a%20b")]
    [InlineData(" mem ", "%20mem%20")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("é☃😀", "%C3%A9%E2%98%83%F0%9F%98%80")]
    [InlineData("...", "...")]
    [InlineData(".a", ".a")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a\r\nX-Injected: 1", "a%0D%0AX-Injected%3A%201")]
    public async Task Delete_sends_any_other_id_as_exactly_one_escaped_path_segment(string memoryId, string expectedSegment)
    {
        Respond(200, Deleted);

        await Client().DeleteAsync(memoryId, userId: "u");

        Assert.Equal($"/api/v1/memories/{expectedSegment}?user_id=u", Assert.Single(Wire.Requests).RawTarget());
        Assert.Equal(memoryId, Uri.UnescapeDataString(expectedSegment));
    }

    [Fact]
    public async Task Delete_refuses_a_null_id_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("memoryId", () => Client().DeleteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>("memoryId", () => Client().DeleteIfExistsAsync(null!));

        Assert.Empty(Wire.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Delete_refuses_an_id_that_could_address_another_resource_before_sending(string memoryId)
    {
        Respond(200, Deleted);
        var client = Client();

        var error = await Assert.ThrowsAsync<ArgumentException>("memoryId", () => client.DeleteAsync(memoryId));
        await Assert.ThrowsAsync<ArgumentException>("memoryId", () => client.DeleteIfExistsAsync(memoryId));

        Assert.Contains("nothing was sent", error.Message);
        Assert.Empty(Wire.Requests);
    }

    [Fact]
    public async Task Delete_refuses_ids_with_an_unpaired_surrogate_before_sending()
    {
        // Built at run time: attribute arguments cannot hold an unpaired surrogate.
        string[] unpaired = [new string('\ud800', 1), "a" + '\udc00' + "b", "a" + '\ud83d'];
        var client = Client();

        foreach (var value in unpaired)
        {
            await Assert.ThrowsAsync<ArgumentException>("memoryId", () => client.DeleteAsync(value));
            await Assert.ThrowsAsync<ArgumentException>("userId", () => client.DeleteAsync("mem_1", userId: value));
        }

        Assert.Empty(Wire.Requests);
    }

    [Theory]
    [InlineData("wsp\r\nX-Injected: 1")]
    [InlineData("wsp\n")]
    [InlineData("wsp\0")]
    [InlineData("wsp\u007f")]
    [InlineData("wspé")]
    [InlineData(" wsp")]
    [InlineData("wsp ")]
    public async Task Delete_refuses_a_workspace_that_cannot_be_sent_in_a_header_before_sending(string workspaceId)
    {
        Respond(200, Deleted);

        await Assert.ThrowsAsync<ArgumentException>("workspaceId", () => Client().DeleteAsync("mem_1", workspaceId: workspaceId));

        Assert.Empty(Wire.Requests);
    }

    [Theory]
    [InlineData("", "/api/v1/memories/mem_1")]
    [InlineData("/", "/api/v1/memories/mem_1")]
    [InlineData("/api/v1", "/api/v1/memories/mem_1")]
    [InlineData("/api/v1/", "/api/v1/memories/mem_1")]
    [InlineData("/gateway/mielto", "/gateway/mielto/api/v1/memories/mem_1")]
    [InlineData("/gateway/api/v1/", "/gateway/api/v1/memories/mem_1")]
    public async Task Delete_resolves_the_path_against_the_base_address_without_doubling_the_api_prefix(string basePath, string expectedPath)
    {
        Respond(200, Deleted);

        await Client(o => o.BaseAddress = new Uri(Wire.BaseAddress, basePath)).DeleteAsync("mem_1");

        Assert.Equal(expectedPath, Assert.Single(Wire.Requests).RawTarget());
    }

    [Fact]
    public async Task Delete_appends_the_user_agent_suffix()
    {
        Respond(200, Deleted);

        await Client(o => o.UserAgentSuffix = "my-app/2.1").DeleteAsync("mem_1");

        Assert.Matches(@"^Mielto\.Client/\S+ my-app/2\.1$", Assert.Single(Wire.Requests).Header("User-Agent"));
    }

    [Fact]
    public async Task Handlers_added_to_the_returned_builder_see_every_attempt()
    {
        RespondInSequence(() => Json(503, "{}"), () => Json(200, Deleted));
        var seen = new List<string>();
        var services = Services(http: b => b.AddHttpMessageHandler(() => new RecordingHandler(seen)));

        await services.GetRequiredService<IMemoriesClient>().DeleteAsync("mem_1");

        Assert.Equal(["DELETE /api/v1/memories/mem_1", "DELETE /api/v1/memories/mem_1"], seen);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
