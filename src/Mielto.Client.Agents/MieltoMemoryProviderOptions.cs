using Mielto.Client.AI;

namespace Mielto.Client.Agents;

/// <summary>
/// How <see cref="MieltoMemoryProvider"/> recalls and stores an end user's memories: the settings of every Mielto
/// memory integration (<see cref="MieltoMemoryOptions"/>), with <see cref="MieltoMemoryOptions.Storage"/> defaulting to
/// <see cref="MieltoMemoryStorage.UserMessages"/>, and the key of the provider's state in a session.
/// </summary>
public sealed class MieltoMemoryProviderOptions : MieltoMemoryOptions
{
    /// <summary>The default <see cref="StateKey"/>: <c>MieltoMemoryProvider</c>.</summary>
    public const string DefaultStateKey = nameof(MieltoMemoryProvider);

    /// <summary>Stores what the user says by default (<see cref="MieltoMemoryStorage.UserMessages"/>).</summary>
    public MieltoMemoryProviderOptions() => Storage = MieltoMemoryStorage.UserMessages;

    /// <summary>
    /// The key under which a session's <see cref="MieltoMemoryScope"/> is kept in its state bag, and so serialized with
    /// it. Defaults to <see cref="DefaultStateKey"/>; set another to attach two providers to one agent.
    /// </summary>
    public string StateKey { get; set; } = DefaultStateKey;
}
