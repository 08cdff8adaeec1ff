namespace Mielto.Client.Tests.Reliability;

/// <summary>A redirect, to another host or to plain http, never carries the API key anywhere: it is not followed at all.</summary>
public sealed class RedirectTests
{
    private const string ApiKey = "mk_redirect_SECRET_42";

    [Theory]
    [InlineData(301, "http://127.0.0.1:{0}/api/v1/memories/mem_1")]
    [InlineData(302, "http://localhost:{0}/steal")]
    [InlineData(307, "http://127.0.0.1:{0}/api/v1/memories/other")]
    [InlineData(308, "//127.0.0.1:{0}/protocol-relative")]
    public async Task A_redirect_is_not_followed_so_the_key_never_reaches_its_target(int status, string location)
    {
        using var target = new RawHttpServer(exchange => exchange.RespondAsync(200, """{"memory_id":"mem_1","message":"ok"}"""));
        var targetLocation = string.Format(System.Globalization.CultureInfo.InvariantCulture, location, target.BaseAddress.Port);
        using var origin = new RawHttpServer(exchange => exchange.RespondAsync(status, string.Empty, "text/plain", $"Location: {targetLocation}\r\n"));
        using var client = new SdkClient(origin.BaseAddress, ApiKey);

        var error = await Assert.ThrowsAsync<MieltoApiException>(() => client.Memories.DeleteAsync("mem_1"));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Contains(targetLocation, error.Message);
        Assert.Equal(1, origin.Requests);
        Assert.Equal(0, target.Connections);
        Assert.DoesNotContain(ApiKey, error.ToString());
    }
}
