using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mielto.Client;
using Mielto.Client.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Adds Mielto memory to a chat pipeline, as <c>UseFunctionInvocation</c> adds function calling.</summary>
public static class MieltoChatClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="MieltoMemoryChatClient"/>: each call with a user id gets the user's relevant memories, framed as
    /// untrusted data, and can store what the user said, off the call's path through the registered
    /// <see cref="MieltoMemoryWriter"/> (<c>services.AddMieltoMemoryWriter()</c>) or a writer of the client's own.
    /// </summary>
    /// <param name="builder">The chat pipeline.</param>
    /// <param name="configure">Sets how to find the user, the budgets, and what to store.</param>
    /// <param name="memories">The memories client; null takes the <see cref="IMemoriesClient"/> from the builder's services (after <c>services.AddMieltoClient(...)</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">
    /// When the chat client is built: <paramref name="memories"/> is null and no <see cref="IMemoriesClient"/> is
    /// registered (call <c>services.AddMieltoClient(...)</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// builder.Services.AddChatClient(inner).UseMieltoMemory(o => o.Storage = MieltoMemoryStorage.UserMessages).UseFunctionInvocation();
    /// var options = new ChatOptions { AdditionalProperties = new() { [MieltoMemoryChatOptions.UserIdProperty] = userId } };
    /// </code>
    /// </example>
    public static ChatClientBuilder UseMieltoMemory(this ChatClientBuilder builder, Action<MieltoMemoryChatOptions>? configure = null, IMemoriesClient? memories = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = Options(configure);
        return builder.Use((inner, services) => new MieltoMemoryChatClient(
            inner, memories ?? RegisteredMemories.From(services, "UseMieltoMemory()"), options, services.GetService<ILogger<MieltoMemoryChatClient>>(), services.GetService<MieltoMemoryWriter>()));
    }

    private static MieltoMemoryChatOptions Options(Action<MieltoMemoryChatOptions>? configure)
    {
        var options = new MieltoMemoryChatOptions();
        configure?.Invoke(options);
        return options;
    }
}
