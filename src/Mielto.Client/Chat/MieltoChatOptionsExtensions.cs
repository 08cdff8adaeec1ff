using Microsoft.Extensions.AI;

namespace Mielto.Client;

/// <summary>
/// Sets Mielto's context on a call's <see cref="ChatOptions"/>: the user, conversation, session, collections and
/// workspace of a chat from <see cref="MieltoClient.GetChatClient(string, MieltoChatContext?)"/>. Each returns the
/// same options, so that calls chain.
/// </summary>
/// <example>
/// <code>
/// var options = new ChatOptions().WithMieltoUser(signedInUserId).WithMieltoCollections("col_handbook");
/// var response = await chat.GetResponseAsync("What is our leave policy?", options);
/// </code>
/// </example>
public static class MieltoChatOptionsExtensions
{
    /// <summary>The key in <see cref="ChatOptions.AdditionalProperties"/> under which the context is kept.</summary>
    public const string ContextKey = "Mielto.ChatContext";

    /// <summary>Sets the end user whose memories the chat recalls and keeps.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="userId">The user's id.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is null, empty or whitespace.</exception>
    public static ChatOptions WithMieltoUser(this ChatOptions options, string userId) =>
        options.Change(Required(userId, nameof(userId)), static (c, v) => c with { UserId = v });

    /// <summary>Sets the conversation the messages belong to.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="conversationId">The conversation's id.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="conversationId"/> is null, empty or whitespace.</exception>
    public static ChatOptions WithMieltoConversation(this ChatOptions options, string conversationId) =>
        options.Change(Required(conversationId, nameof(conversationId)), static (c, v) => c with { ConversationId = v });

    /// <summary>Sets the session the messages belong to.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="sessionId">The session's id.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is null, empty or whitespace.</exception>
    public static ChatOptions WithMieltoSession(this ChatOptions options, string sessionId) =>
        options.Change(Required(sessionId, nameof(sessionId)), static (c, v) => c with { SessionId = v });

    /// <summary>Sets the knowledge collections the chat searches, in place of the client's.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="collectionIds">The collections' ids; none searches no collection.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException">An id is null, empty or whitespace.</exception>
    public static ChatOptions WithMieltoCollections(this ChatOptions options, params IEnumerable<string> collectionIds)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        var ids = collectionIds.ToArray();
        foreach (var id in ids)
        {
            Required(id, nameof(collectionIds));
        }

        return options.Change<IReadOnlyList<string>>(ids, static (c, v) => c with { CollectionIds = v });
    }

    /// <summary>Sets the workspace, in place of the client's.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="workspaceId">The workspace's id.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="workspaceId"/> is null, empty or whitespace.</exception>
    public static ChatOptions WithMieltoWorkspace(this ChatOptions options, string workspaceId) =>
        options.Change(Required(workspaceId, nameof(workspaceId)), static (c, v) => c with { WorkspaceId = v });

    /// <summary>Sets the whole context at once: each value it sets replaces the client's default for this call.</summary>
    /// <param name="options">The call's options.</param>
    /// <param name="context">The context.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static ChatOptions WithMieltoContext(this ChatOptions options, MieltoChatContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        (options.AdditionalProperties ??= [])[ContextKey] = context;
        return options;
    }

    /// <summary>The context set on these options, or null when none is.</summary>
    /// <param name="options">The call's options, or null.</param>
    /// <returns>The context, or null.</returns>
    public static MieltoChatContext? GetMieltoContext(this ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ContextKey, out var value) == true ? value as MieltoChatContext : null;

    private static ChatOptions Change<T>(this ChatOptions options, T value, Func<MieltoChatContext, T, MieltoChatContext> set)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WithMieltoContext(set(options.GetMieltoContext() ?? new MieltoChatContext(), value));
    }

    private static string Required(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value;
    }
}
