using Microsoft.Agents.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mielto.Client;
using Mielto.Client.Agents;
using Mielto.Client.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="MieltoMemoryProvider"/> with dependency injection.</summary>
public static class MieltoMemoryProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="MieltoMemoryProvider"/> over the registered <see cref="IMemoriesClient"/> (from
    /// <c>AddMieltoClient</c>), storing through the process's <see cref="MieltoMemoryWriter"/>, which this registers too
    /// (as <c>AddMieltoMemoryWriter()</c> does) so that host shutdown drains it. Attach it to an agent with
    /// <c>AIContextProviders = [services.GetRequiredService&lt;MieltoMemoryProvider&gt;()]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="scope">
    /// Whose memories a session uses, from your app's own identity: called with the container and the session on the
    /// session's first run (for example, from <c>IHttpContextAccessor</c>'s signed-in user); kept in the session.
    /// </param>
    /// <param name="configure">Sets the budgets, the role of recalled text, what to store, the redaction hook.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="scope"/> is null.</exception>
    /// <exception cref="InvalidOperationException">When the provider is resolved: no <see cref="IMemoriesClient"/> is registered (call <c>services.AddMieltoClient(...)</c>).</exception>
    public static IServiceCollection AddMieltoMemoryProvider(
        this IServiceCollection services,
        Func<IServiceProvider, AgentSession?, MieltoMemoryScope> scope,
        Action<MieltoMemoryProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scope);
        var options = new MieltoMemoryProviderOptions();
        configure?.Invoke(options);
        services.AddMieltoMemoryWriter();
        services.TryAddSingleton(sp => new MieltoMemoryProvider(
            sp.GetService<IMemoriesClient>() ?? throw new InvalidOperationException(
                "AddMieltoMemoryProvider() needs Mielto's IMemoriesClient, and none is registered. Call services.AddMieltoClient(...) first, " +
                "for example builder.Services.AddMieltoClient(builder.Configuration.GetSection(\"Mielto\"))."),
            session => scope(sp, session),
            options,
            sp.GetRequiredService<MieltoMemoryWriter>(),
            sp.GetService<ILogger<MieltoMemoryProvider>>()));
        return services;
    }
}
