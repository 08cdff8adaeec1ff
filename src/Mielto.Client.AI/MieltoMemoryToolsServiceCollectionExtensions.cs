using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mielto.Client;
using Mielto.Client.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mielto memory tools with dependency injection.</summary>
public static class MieltoMemoryToolsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MieltoMemoryTools"/> (a singleton over the registered <see cref="IMemoriesClient"/>, from
    /// <c>AddMieltoClient</c>); build the tools per request with <see cref="MieltoMemoryTools.For"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets what the tools may do and return.</param>
    /// <returns>The service collection.</returns>
    /// <remarks>
    /// Resolving <see cref="MieltoMemoryTools"/> throws an <see cref="InvalidOperationException"/> that says what to
    /// call when no <see cref="IMemoriesClient"/> is registered.
    /// </remarks>
    public static IServiceCollection AddMieltoMemoryTools(this IServiceCollection services, Action<MieltoMemoryToolsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MieltoMemoryToolsOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(sp => new MieltoMemoryTools(RegisteredMemories.From(sp, "AddMieltoMemoryTools()"), options, sp.GetService<ILogger<MieltoMemoryTools>>()));
        return services;
    }
}
