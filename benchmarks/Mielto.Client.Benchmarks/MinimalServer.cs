using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mielto.Client.Benchmarks;

/// <summary>The cheapest possible Mielto: Kestrel on 127.0.0.1 answering every request with a fixed body (by default, the delete response).</summary>
public sealed class MinimalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MinimalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static Task<MinimalServer> StartAsync() => StartAsync(static _ => Canned.Body);

    /// <summary>Starts Kestrel on a free port of 127.0.0.1, answering each request 200 with the JSON body <paramref name="answer"/> picks.</summary>
    public static Task<MinimalServer> StartAsync(Func<HttpRequest, byte[]> answer) => StartAsync(request => new ValueTask<byte[]>(answer(request)));

    /// <summary>As the other overload, for an answer that reads the request's body first; a body of any size is taken.</summary>
    public static Task<MinimalServer> StartAsync(Func<HttpRequest, ValueTask<byte[]>> answer) => StartAsync(async context =>
    {
        var body = await answer(context.Request);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    });

    /// <summary>Starts Kestrel on a free port of 127.0.0.1, with <paramref name="handle"/> answering every request as it likes (a stream, say).</summary>
    public static async Task<MinimalServer> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(handle);
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
