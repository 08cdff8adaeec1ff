using System.Text.Json.Serialization;

namespace Mielto.Client.AI;

/// <summary>
/// Whose memories a run recalls and stores: the end user, and optionally the workspace and the conversation. It is set
/// by your app's code (from its own sign-in, say), never by a model or by text it reads.
/// </summary>
public sealed class MieltoMemoryScope
{
    /// <summary>Scopes memory to one user.</summary>
    /// <param name="userId">The end user; required.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="conversationId">
    /// The conversation, kept with each memory stored as <c>conversation_id</c> in its metadata (for
    /// <see cref="MieltoMemoryStorage.UserMessages"/>); null keeps none. Recall covers all of the user's memories either way.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is null, empty or whitespace, or an id is empty.</exception>
    [JsonConstructor]
    public MieltoMemoryScope(string userId, string? workspaceId = null, string? conversationId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (workspaceId is { Length: 0 } || conversationId is { Length: 0 })
        {
            throw new ArgumentException("A workspace or conversation id is null for none, not empty.", workspaceId is { Length: 0 } ? nameof(workspaceId) : nameof(conversationId));
        }

        UserId = userId;
        WorkspaceId = workspaceId;
        ConversationId = conversationId;
    }

    /// <summary>The end user.</summary>
    public string UserId { get; }

    /// <summary>The workspace; null for the client's.</summary>
    public string? WorkspaceId { get; }

    /// <summary>The conversation; null for none.</summary>
    public string? ConversationId { get; }
}
