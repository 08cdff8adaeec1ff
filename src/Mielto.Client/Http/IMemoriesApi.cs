using Refit;

namespace Mielto.Client.Http;

/// <summary>
/// The Mielto memory endpoints as Refit describes them. Refit's source generator builds the implementation;
/// <see cref="MemoriesClient"/> turns its raw responses into results and typed exceptions.
/// </summary>
internal interface IMemoriesApi
{
    /// <summary>
    /// <c>DELETE /api/v1/memories/{memory_id}</c>, authenticated with <paramref name="apiKey"/> as a bearer token. Null
    /// <paramref name="userId"/> and <paramref name="workspaceId"/> are not sent.
    /// </summary>
    [Delete("/api/v1/memories/{memoryId}")]
    Task<HttpResponseMessage> DeleteMemoryAsync(
        string memoryId,
        [Query, AliasAs("user_id")] string? userId,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Authorize("Bearer")] string apiKey,
        CancellationToken cancellationToken);
}
