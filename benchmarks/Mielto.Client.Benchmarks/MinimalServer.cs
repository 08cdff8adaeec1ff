using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mielto.Client.Benchmarks;

/// <summary>The cheapest possible Mielto: Kestrel on 127.0.0.1 answering every request with the same delete response.</summary>
public sealed class MinimalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MinimalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<MinimalServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Canned.Body.Length;
            return context.Response.Body.WriteAsync(Canned.Body).AsTask();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new MinimalServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The response every benchmark transport returns.</summary>
public static class Canned
{
    public const string ApiKey = "mk_bench_0123456789abcdef";
    public const string MemoryId = "mem_0123456789";

    public static readonly byte[] Body = """{"memory_id":"mem_0123456789","message":"Memory deleted successfully"}"""u8.ToArray();
}

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
