using Microsoft.Extensions.DependencyInjection;

namespace Mielto.Client.Tests.Reliability;

/// <summary>A client registered through <c>AddMieltoClient</c>, as users build it, pointed at a test server.</summary>
public sealed class SdkClient : IDisposable
{
    private readonly ServiceProvider _services;

    public SdkClient(Uri baseAddress, string apiKey, Action<MieltoClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddMieltoClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ApiKey = apiKey;
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
        Memories = _services.GetRequiredService<IMemoriesClient>();
        Client = _services.GetRequiredService<MieltoClient>();
    }

    public IMemoriesClient Memories { get; }

    /// <summary>The whole client, every resource.</summary>
    public MieltoClient Client { get; }

    public void Dispose() => _services.Dispose();
}
