namespace Mielto.Client;

/// <summary>
/// Whose memories and which knowledge a Mielto chat draws on: the user, the conversation and session its messages
/// belong to, the collections it searches, and the workspace. Give defaults to
/// <see cref="MieltoClient.GetChatClient(string, MieltoChatContext?)"/> and per call through the
/// <see cref="MieltoChatOptionsExtensions"/> on <c>ChatOptions</c>; a call's values replace the defaults one by one.
/// </summary>
/// <remarks>
/// Each value is sent twice, as the official SDKs send it (the body fields <c>user_id</c>, <c>conversation_id</c>,
/// <c>session_id</c>, <c>collection_ids</c>, <c>workspace_id</c>) and as the headers Mielto's documentation names
/// (<c>x-user-id</c>, <c>x-conversation-id</c>, <c>x-session-id</c>, <c>x-collection-ids</c> as a JSON array,
/// <c>X-Workspace-Id</c>). So every value must be printable ASCII without surrounding spaces; any other is refused
/// before sending. Set it in code, from who is signed in: never from what a model or a stored text says.
/// </remarks>
public sealed record MieltoChatContext
{
    /// <summary>The end user whose memories the chat recalls and keeps.</summary>
    public string? UserId { get; init; }

    /// <summary>The conversation the messages belong to, for continuity across calls.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The session, for session-based context.</summary>
    public string? SessionId { get; init; }

    /// <summary>The knowledge collections the chat searches.</summary>
    public IReadOnlyList<string>? CollectionIds { get; init; }

    /// <summary>The workspace; when unset, <see cref="MieltoClientOptions.WorkspaceId"/>, else the API key's own.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>This context with each value that <paramref name="call"/> sets replacing this one's.</summary>
    internal MieltoChatContext Under(MieltoChatContext? call) => call is null ? this : new MieltoChatContext
    {
        UserId = call.UserId ?? UserId,
        ConversationId = call.ConversationId ?? ConversationId,
        SessionId = call.SessionId ?? SessionId,
        CollectionIds = call.CollectionIds ?? CollectionIds,
        WorkspaceId = call.WorkspaceId ?? WorkspaceId,
    };
}
