using Microsoft.Extensions.AI;

namespace Mielto.Client.AI;

/// <summary>How <see cref="MieltoMemoryChatClient"/> recalls and stores an end user's memories.</summary>
public sealed class MieltoMemoryChatOptions
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key the default <see cref="UserIdResolver"/> reads: <c>mielto.user_id</c>.</summary>
    public const string UserIdProperty = "mielto.user_id";

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key the default <see cref="WorkspaceIdResolver"/> reads: <c>mielto.workspace_id</c>.</summary>
    public const string WorkspaceIdProperty = "mielto.workspace_id";

    /// <summary>
    /// Who the end user of a call is, from your app's own identity; null or empty passes the call through untouched.
    /// By default, the string in <see cref="ChatOptions.AdditionalProperties"/> under <see cref="UserIdProperty"/>.
    /// </summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?> UserIdResolver { get; set; } = static (_, options) => Property(options, UserIdProperty);

    /// <summary>The workspace of a call; null uses <see cref="MieltoClientOptions.WorkspaceId"/>. By default, from <see cref="WorkspaceIdProperty"/>.</summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?> WorkspaceIdResolver { get; set; } = static (_, options) => Property(options, WorkspaceIdProperty);

    /// <summary>The most memories added to a call. Defaults to 5.</summary>
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
    /// How long a call waits for the recall. Past it, the call goes on without memories and a Warning says so. Defaults
    /// to 2 seconds; the SDK's own retries of the search count within it.
    /// </summary>
    public TimeSpan RecallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How memories are searched; null for the server's default.</summary>
    public RetrievalMethod? RetrievalMethod { get; set; }

    /// <summary>
    /// Runs on every text the middleware stores (what the user said, and the answer with
    /// <see cref="MieltoMemoryStorage.FromMessages"/>) and on every memory it recalls, before the model sees it: return
    /// the text to use, with personal data masked say, or null to leave it out (a store is then not made, a memory not
    /// shown). Null (the default) keeps the text as it is.
    /// </summary>
    public Func<string, string?>? Redact { get; set; }

    /// <summary>What is stored after a response. Defaults to <see cref="MieltoMemoryStorage.None"/>.</summary>
    public MieltoMemoryStorage Storage { get; set; }

    /// <summary>Copies the settings, so that a client built with them does not change if these do.</summary>
    internal MieltoMemoryChatOptions Copy() => (MieltoMemoryChatOptions)MemberwiseClone();

    private static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? value as string : null;
}
