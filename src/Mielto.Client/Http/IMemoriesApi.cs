using Refit;

namespace Mielto.Client.Http;

/// <summary>
/// The Mielto memory endpoints as Refit describes them. Refit's source generator builds the implementation;
/// <see cref="Operations.OperationRunner"/> turns its raw responses into results and typed exceptions.
/// </summary>
/// <remarks>
/// The key is the client's, sent on every request as a default header of its <see cref="HttpClient"/>
/// (<see cref="MieltoHttp.Configure"/>); a method has only what varies per call. A null parameter (a query value, a
/// header) is not sent. Bodies are serialized into memory first, so that they go out with a <c>Content-Length</c>.
/// </remarks>
internal interface IMemoriesApi
{
    /// <summary><c>POST /api/v1/memories</c>. Not idempotent: the call handler retries it only when it cannot have been processed.</summary>
    [Post("/api/v1/memories")]
    Task<HttpResponseMessage> CreateMemoryAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] MemoryCreateRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/memories/{memory_id}</c>.</summary>
    [Get("/api/v1/memories/{memoryId}")]
    Task<HttpResponseMessage> GetMemoryAsync(
        string memoryId,
        [Query, AliasAs("user_id")] string? userId,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/memories</c>, one page.</summary>
    [Get("/api/v1/memories")]
    Task<HttpResponseMessage> ListMemoriesAsync(
        [Query, AliasAs("user_id")] string? userId,
        [Query, AliasAs("cursor")] string? cursor,
        [Query, AliasAs("limit")] int? limit,
        [Query, AliasAs("sort_by")] string? sortBy,
        [Query, AliasAs("sort_order")] string? sortOrder,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/memories/search</c>: a read, retried as one.</summary>
    [Post("/api/v1/memories/search")]
    Task<HttpResponseMessage> SearchMemoriesAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] MemorySearchRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>PUT /api/v1/memories/{memory_id}</c>: a partial update.</summary>
    [Put("/api/v1/memories/{memoryId}")]
    Task<HttpResponseMessage> UpdateMemoryAsync(
        string memoryId,
        [Body(BodySerializationMethod.Serialized, buffered: true)] MemoryUpdateRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/memories/{memory_id}/replace</c>: sets the whole state, so retried as idempotent.</summary>
    [Post("/api/v1/memories/{memoryId}/replace")]
    Task<HttpResponseMessage> ReplaceMemoryAsync(
        string memoryId,
        [Body(BodySerializationMethod.Serialized, buffered: true)] MemoryReplaceRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>DELETE /api/v1/memories/{memory_id}</c>.</summary>
    [Delete("/api/v1/memories/{memoryId}")]
    Task<HttpResponseMessage> DeleteMemoryAsync(
        string memoryId,
        [Query, AliasAs("user_id")] string? userId,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/memories/from_messages</c> (known from the official SDKs). Not idempotent, like a create.</summary>
    [Post("/api/v1/memories/from_messages")]
    Task<HttpResponseMessage> CreateFromMessagesAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] MemoryFromMessagesRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/memories/chunks</c> (known from the official SDKs), one page.</summary>
    [Get("/api/v1/memories/chunks")]
    Task<HttpResponseMessage> ListChunksAsync(
        [Query, AliasAs("user_id")] string? userId,
        [Query, AliasAs("limit")] int? limit,
        [Query, AliasAs("cursor")] string? cursor,
        [Query, AliasAs("include_embedding")] string? includeEmbedding,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/memories/profile</c> (known from the official SDKs).</summary>
    [Get("/api/v1/memories/profile")]
    Task<HttpResponseMessage> GetProfileAsync(
        [Query, AliasAs("user_id")] string userId,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);
}
