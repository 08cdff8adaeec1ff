using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mielto.Client.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the process's <see cref="MieltoMemoryWriter"/> with dependency injection.</summary>
public static class MieltoMemoryWriterServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="MieltoMemoryWriter"/> for the process, over the registered <see cref="Mielto.Client.IMemoriesClient"/>
    /// (from <c>AddMieltoClient</c>): <c>UseMieltoMemory()</c> stores through it, and the container's disposal at host
    /// shutdown drains it within <see cref="MieltoMemoryWriterOptions.DrainTimeout"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets its capacity, concurrency and drain deadline.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddMieltoMemoryWriter(this IServiceCollection services, Action<MieltoMemoryWriterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MieltoMemoryWriterOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(sp => new MieltoMemoryWriter(RegisteredMemories.From(sp, "AddMieltoMemoryWriter()"), options, sp.GetService<ILogger<MieltoMemoryWriter>>()));
        return services;
    }
}
