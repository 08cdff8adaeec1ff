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

    /// <summary>Answers with each status in turn, then with the last one for every later request.</summary>
    protected void RespondInSequence(params Func<IResponseBuilder>[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var step = Wire.Server.Given(Request.Create().UsingAnyMethod()).InScenario("sequence");
            if (i > 0)
            {
                step = step.WhenStateIs(State(i));
            }

            step.WillSetStateTo(i + 1 < responses.Length ? State(i + 1) : "done").RespondWith(responses[i]());
        }

        Wire.Server.Given(Request.Create().UsingAnyMethod()).InScenario("sequence").WhenStateIs("done").WillSetStateTo("done").RespondWith(responses[^1]());
    }

    private static string State(int step) => step.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected IServiceProvider Services(Action<MieltoClientOptions>? configure = null, Action<IHttpClientBuilder>? http = null)
    {
        var services = new ServiceCollection();
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

    protected IMemoriesClient Client(Action<MieltoClientOptions>? configure = null) =>
        Services(configure).GetRequiredService<IMemoriesClient>();

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
