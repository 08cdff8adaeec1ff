namespace Mielto.Client.AI;

/// <summary>What <see cref="MieltoMemoryChatClient"/> stores after a response.</summary>
public enum MieltoMemoryStorage
{
    /// <summary>Nothing: memories are only recalled. The default.</summary>
    None,

    /// <summary>The user's latest message, as one memory (<see cref="IMemoriesClient.CreateAsync"/>).</summary>
    UserMessages,

    /// <summary>
    /// The user's latest message and the response, for Mielto to extract memories from
    /// (<c>CreateFromMessagesAsync</c>, an operation known only from the official SDKs: <c>MIELTO001</c>).
    /// </summary>
    FromMessages,
}
