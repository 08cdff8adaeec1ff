using Microsoft.Extensions.AI;

namespace Mielto.Client.AI;

/// <summary>
/// How Mielto memory is recalled for a model and what is stored after it answers: the settings shared by
/// <see cref="MieltoMemoryChatClient"/>, the Agent Framework provider of <c>Mielto.Client.Agents</c> and
/// <see cref="MieltoMemoryEngine"/>.
/// </summary>
public class MieltoMemoryOptions
{
    /// <summary>The most memories added to a run. Defaults to 5.</summary>
    public int MaxMemories { get; set; } = 5;

    /// <summary>The most characters of the message that carries them, its framing included. Defaults to 2,000.</summary>
    public int MaxCharacters { get; set; } = 2000;

    /// <summary>
    /// The role of the message that carries the recalled memories. Defaults to <see cref="ChatRole.User"/>: recalled
    /// text is data that anyone who could once write to the user's memory may have written, so it is not given the
    /// authority of the system prompt. <see cref="ChatRole.System"/> is allowed for models that take context only there;
    /// either way the memories are framed as untrusted data.
    /// </summary>
    public ChatRole RecallRole { get; set; } = ChatRole.User;

    /// <summary>
    /// How long a run waits for the recall. Past it, the run goes on without memories and a Warning says so. Defaults
    /// to 2 seconds; the SDK's own retries of the search count within it.
    /// </summary>
    public TimeSpan RecallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How memories are searched; null for the server's default.</summary>
    public RetrievalMethod? RetrievalMethod { get; set; }

    /// <summary>
    /// Runs on every text that is stored (what the user said, and the answer with
    /// <see cref="MieltoMemoryStorage.FromMessages"/>) and on every memory it recalls, before the model sees it: return
    /// the text to use, with personal data masked say, or null to leave it out (a store is then not made, a memory not
    /// shown). Null (the default) keeps the text as it is.
    /// </summary>
    public Func<string, string?>? Redact { get; set; }

    /// <summary>
    /// What is stored after a response. Defaults to <see cref="MieltoMemoryStorage.None"/> here and for the chat
    /// middleware; the Agent Framework provider's options default to <see cref="MieltoMemoryStorage.UserMessages"/>.
    /// </summary>
    public MieltoMemoryStorage Storage { get; set; }

    /// <summary>A checked copy, so that an engine built with these settings does not change if they do.</summary>
    internal static MieltoMemoryOptions Validated(MieltoMemoryOptions options)
    {
        var copy = (MieltoMemoryOptions)options.MemberwiseClone();
        var problem = copy switch
        {
            { MaxMemories: < 1 or > 100 } => $"{nameof(MaxMemories)} must be between 1 and 100.",
            { MaxCharacters: < 500 } => $"{nameof(MaxCharacters)} must be at least 500, room for the framing and one memory.",
            _ when copy.RecallRole != ChatRole.User && copy.RecallRole != ChatRole.System => $"{nameof(RecallRole)} must be User or System.",
            _ when copy.RecallTimeout <= TimeSpan.Zero && copy.RecallTimeout != Timeout.InfiniteTimeSpan => $"{nameof(RecallTimeout)} must be positive, or Timeout.InfiniteTimeSpan.",
            _ when !Enum.IsDefined(copy.Storage) => $"{nameof(Storage)} must be one of the {nameof(MieltoMemoryStorage)} values.",
            _ => null,
        };
        return problem is null ? copy : throw new ArgumentOutOfRangeException(nameof(options), $"{options.GetType().Name}.{problem}");
    }
}
