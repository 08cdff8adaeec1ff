using System.Net;

namespace Mielto.Client.Benchmarks;

/// <summary>An in-memory transport: a fresh canned 200 per request, as a real handler would allocate one.</summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Canned.Body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
