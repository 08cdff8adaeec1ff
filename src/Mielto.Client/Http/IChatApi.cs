using Refit;

namespace Mielto.Client.Http;

/// <summary>Mielto's OpenAI-compatible chat endpoint as Refit describes it.</summary>
internal interface IChatApi
{
    /// <summary>
    /// <c>POST /api/v1/chat/completions</c>, with Mielto's context in the headers its documentation names as well as in
    /// the body. Not idempotent (the server stores the conversation's messages), with its own time limit, and, when
    /// <paramref name="stream"/> is set, an answer read as it arrives.
    /// </summary>
    [Post("/api/v1/chat/completions")]
    Task<HttpResponseMessage> CompleteAsync(
        [Body] HttpContent body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Header("x-user-id")] string? userId,
        [Header("x-conversation-id")] string? conversationId,
        [Header("x-session-id")] string? sessionId,
        [Header("x-collection-ids")] string? collectionIds,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        [Property(MieltoResilience.TimeoutProperty)] TimeSpan timeout,
        [Property(MieltoResilience.StreamProperty)] bool stream,
        CancellationToken cancellationToken);
}
