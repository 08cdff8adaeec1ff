using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mielto.Client;
using Mielto.Client.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="MieltoKnowledgeTools"/> with dependency injection.</summary>
public static class MieltoKnowledgeToolsServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="MieltoKnowledgeTools"/> over the registered <see cref="ICollectionsClient"/> (from <c>AddMieltoClient</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the result cap and the default number of passages.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddMieltoKnowledgeTools(this IServiceCollection services, Action<MieltoKnowledgeToolsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MieltoKnowledgeToolsOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(sp => new MieltoKnowledgeTools(
            sp.GetService<ICollectionsClient>() ?? throw new InvalidOperationException(
                "AddMieltoKnowledgeTools() needs Mielto's ICollectionsClient, and none is registered. Call services.AddMieltoClient(...) first."),
            options,
            sp.GetService<ILogger<MieltoKnowledgeTools>>()));
        return services;
    }
}
