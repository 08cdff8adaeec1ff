using Microsoft.Extensions.DependencyInjection;
using Mielto.Client;

namespace Mielto.Client.AI;

/// <summary>The <see cref="IMemoriesClient"/> that <c>AddMieltoClient</c> registers, or an error that says to register it.</summary>
internal static class RegisteredMemories
{
    public static IMemoriesClient From(IServiceProvider services, string caller) =>
        services.GetService<IMemoriesClient>() ?? throw new InvalidOperationException(
            $"{caller} needs Mielto's IMemoriesClient, and none is registered. Call services.AddMieltoClient(...) first, " +
            "for example builder.Services.AddMieltoClient(builder.Configuration.GetSection(\"Mielto\")), which registers it " +
            "(or pass an IMemoriesClient of your own where the method takes one).");
}
