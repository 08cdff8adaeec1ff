using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// Base of the wire-level tests: resets the collection's server, and builds clients through the same
/// <c>AddMieltoClient</c> registration that users call, pointed at it, with retry delays kept short.
/// </summary>
public abstract class WireTest : IDisposable
{
    public const string ApiKey = "mk_test_SECRET-7f3a9c1e5b";

    /// <summary>The documented 200 body of a delete of <c>mem_1</c>.</summary>
    protected const string Deleted = """{"memory_id":"mem_1","message":"Memory deleted successfully"}""";

    private readonly List<IDisposable> _disposables = [];

    protected WireTest(WireServer wire)
    {
        Wire = wire;
        Wire.Reset();
    }

    protected WireServer Wire { get; }

    protected LogCapture Logs { get; } = new();

    protected static Response Json(int status, string body) =>
        (Response)Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    protected void Respond(int status, string? jsonBody = null) =>
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(jsonBody is null ? Response.Create().WithStatusCode(status) : Json(status, jsonBody));

    /// <summary>Answers every request with exactly this status, body, content type (none when null) and headers.</summary>
    protected void RespondRaw(int status, string body, string? contentType, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        foreach (var (name, value) in contentType is null ? headers : [("Content-Type", contentType), .. headers])
        {
            response = response.WithHeader(name, value);
        }

        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>
    /// Answers the first request with the first response, the second with the second, and so on; every later
    /// request gets the last one. Matched on the number stamped at arrival, so a fast retry can never overtake
    /// the state of the sequence.
    /// </summary>
    protected void RespondInSequence(params Func<IResponseBuilder>[] responses)
    {
        for (var i = 0; i < responses.Length - 1; i++)
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Wire.Server.Given(Request.Create().UsingAnyMethod().WithHeader(WireServer.SequenceHeader, number)).AtPriority(1).RespondWith(responses[i]());
        }

        Wire.Server.Given(Request.Create().UsingAnyMethod()).AtPriority(10).RespondWith(responses[^1]());
    }

    protected IServiceProvider Services(Action<MieltoClientOptions>? configure = null, Action<IHttpClientBuilder>? http = null, Action<IServiceCollection>? register = null)
    {
        var services = new ServiceCollection();
        register?.Invoke(services);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var builder = services.AddMieltoClient(o =>
        {
            o.BaseAddress = Wire.BaseAddress;
            o.ApiKey = ApiKey;
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        http?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        _disposables.Add(provider);
        return provider;
    }

    /// <summary>The whole client, every resource, as <see cref="Client"/> builds it.</summary>
    protected MieltoClient Mielto(Action<MieltoClientOptions>? configure = null) =>
        Services(configure).GetRequiredService<MieltoClient>();

    protected IMemoriesClient Client(Action<MieltoClientOptions>? configure = null) =>
        Services(configure).GetRequiredService<IMemoriesClient>();

    /// <summary>A client, with <paramref name="configure"/> applied, whose timeouts and delays run on <paramref name="clock"/>.</summary>
    protected MieltoClient MieltoOn(TimeProvider clock, Action<MieltoClientOptions> configure) =>
        Services(configure, register: services => services.AddSingleton(clock)).GetRequiredService<MieltoClient>();

    protected IMemoriesClient ClientOn(TimeProvider clock, Action<MieltoClientOptions> configure) =>
        Services(configure, register: services => services.AddSingleton(clock)).GetRequiredService<IMemoriesClient>();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var disposable in _disposables)
            {
                disposable.Dispose();
            }
        }
    }
}
