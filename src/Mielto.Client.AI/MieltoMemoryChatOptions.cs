using Microsoft.Extensions.AI;

namespace Mielto.Client.AI;

/// <summary>How <see cref="MieltoMemoryChatClient"/> recalls and stores an end user's memories.</summary>
public sealed class MieltoMemoryChatOptions : MieltoMemoryOptions
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

    private static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? value as string : null;
}
