using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mielto.Client;
using Mielto.Client.DependencyInjection;
using Mielto.Client.Http;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mielto client with dependency injection.</summary>
public static class MieltoServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the SDK uses, for <c>IHttpClientFactory</c> configuration and logs.</summary>
    public const string HttpClientName = "Mielto.Client";

    // As in the Azure SDK, IHttpClientFactory's logs show the values of known-harmless headers only: any other
    // (Authorization above all, but also a Location or cookie the server sent) is redacted.
    private static readonly HashSet<string> LoggableHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "Date", "Retry-After", "Server", "User-Agent",
        "X-Workspace-Id", "x-request-id", "request-id", "x-correlation-id", "Transfer-Encoding", "Connection",
    };

    /// <summary>
    /// Registers <see cref="IMemoriesClient"/> and <see cref="MieltoClient"/> (singletons) with options set in code.
    /// Options are validated when a client is first resolved (and at host start), naming any bad setting.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="MieltoClientOptions.ApiKey"/> is required.</param>
    /// <returns>The SDK's HttpClient builder, to add your own handlers (they run once per attempt).</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddMieltoClient(o => o.ApiKey = builder.Configuration["Mielto:ApiKey"]);
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddMieltoClient(this IServiceCollection services, Action<MieltoClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MieltoClientOptions>().Configure(configure);
        return AddMieltoClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="IMemoriesClient"/> and <see cref="MieltoClient"/> (singletons) with options bound from a
    /// configuration section (keys <c>ApiKey</c>, <c>ApiKeyHeader</c>, <c>BaseAddress</c>, <c>WorkspaceId</c>,
    /// <c>Timeout</c>, <c>OverallTimeout</c>, <c>MaxRetries</c>, <c>RetryDelay</c>, <c>MaxRetryDelay</c>,
    /// <c>MaxResponseBytes</c>, <c>UserAgentSuffix</c>).
    /// Options are validated when a client is first resolved (and at host start), naming any bad setting.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, such as <c>builder.Configuration.GetSection("Mielto")</c>.</param>
    /// <returns>The SDK's HttpClient builder, to add your own handlers (they run once per attempt).</returns>
    public static IHttpClientBuilder AddMieltoClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MieltoClientOptions>().Bind(configuration);
        return AddMieltoClientCore(services);
    }

    /// <summary>
    /// Registers Mielto's chat as the app's <see cref="IChatClient"/> (a singleton, from the <see cref="MieltoClient"/>
    /// that <c>AddMieltoClient</c> registers, which must be called too). To add middleware, register it with
    /// Microsoft.Extensions.AI's <c>AddChatClient(sp => sp.GetRequiredService&lt;MieltoClient&gt;().GetChatClient(model))</c>
    /// instead, which returns its builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="model">The model to ask for, such as <c>gpt-4o</c>.</param>
    /// <param name="defaultContext">The context every call sends unless the call's own replaces a value.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank.</exception>
    public static IServiceCollection AddMieltoChatClient(this IServiceCollection services, string model, MieltoChatContext? defaultContext = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        services.AddSingleton<IChatClient>(sp => sp.GetRequiredService<MieltoClient>().GetChatClient(model, defaultContext));
        return services;
    }

    private static IHttpClientBuilder AddMieltoClientCore(IServiceCollection services)
    {
        // A second call adds its options to the first registration and gets the same builder back.
        if (services.Any(d => d.ServiceType == typeof(MieltoRegistration)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<MieltoRegistration>();
        services.AddOptions<MieltoClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MieltoClientOptions>, MieltoClientOptionsValidator>());
        services.TryAddSingleton<IMemoriesClient>(sp => new MemoriesClient(
            sp.GetRequiredService<IMemoriesApi>(),
            Options(sp),
            sp.GetRequiredService<ILogger<MemoriesClient>>(),
            Clock(sp)));
        services.TryAddSingleton<ICollectionsClient>(sp => new CollectionsClient(
            sp.GetRequiredService<ICollectionsApi>(),
            sp.GetRequiredService<IContentsClient>(),
            Options(sp),
            sp.GetRequiredService<ILogger<CollectionsClient>>(),
            Clock(sp)));
        services.TryAddSingleton<IContentsClient>(sp => new ContentsClient(
            sp.GetRequiredService<IContentsApi>(),
            Options(sp),
            sp.GetRequiredService<ILogger<ContentsClient>>(),
            Clock(sp)));
        services.TryAddSingleton<ICompressClient>(sp => new CompressClient(
            sp.GetRequiredService<ICompressApi>(),
            Options(sp),
            sp.GetRequiredService<ILogger<CompressClient>>(),
            Clock(sp)));
        services.TryAddSingleton(sp => new MieltoClient(
            sp.GetRequiredService<IMemoriesClient>(),
            sp.GetRequiredService<ICollectionsClient>(),
            sp.GetRequiredService<IContentsClient>(),
            sp.GetRequiredService<ICompressClient>(),
            new ChatFactory(sp.GetRequiredService<IChatApi>(), Options(sp), sp.GetRequiredService<ILogger<MieltoChatClient>>(), Clock(sp))));

        // Every resource's Refit interface goes through the one named HttpClient, so its handlers are configured once.
        services.AddRefitGeneratedClient<ICollectionsApi>(MieltoJsonContext.Wire, _ => MieltoHttp.CreateRefitSettings(), HttpClientName);
        services.AddRefitGeneratedClient<IContentsApi>(MieltoJsonContext.Wire, _ => MieltoHttp.CreateRefitSettings(), HttpClientName);
        services.AddRefitGeneratedClient<IChatApi>(MieltoJsonContext.Wire, _ => MieltoHttp.CreateRefitSettings(), HttpClientName);
        services.AddRefitGeneratedClient<ICompressApi>(MieltoJsonContext.Wire, _ => MieltoHttp.CreateRefitSettings(), HttpClientName);
        var builder = services.AddRefitGeneratedClient<IMemoriesApi>(MieltoJsonContext.Wire, _ => MieltoHttp.CreateRefitSettings(), HttpClientName);
        builder
            .ConfigureHttpClient((sp, client) => MieltoHttp.Configure(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(MieltoHttp.CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(header => !LoggableHeaders.Contains(header));
        builder.AddHttpMessageHandler(sp => MieltoHttp.CreateCallHandler(Options(sp), Clock(sp)));

        // The client logs each call itself at Debug; IHttpClientFactory's two Information lines per request
        // would repeat it and cost every call even with no logger listening. AddDefaultLogger() restores them.
        builder.RemoveAllLoggers();
        return builder;
    }

    private static MieltoClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<MieltoClientOptions>>().Value;

    private static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>Marks a service collection that already has the Mielto client.</summary>
    private sealed class MieltoRegistration;
}
