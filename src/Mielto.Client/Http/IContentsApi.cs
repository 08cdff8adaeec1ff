using Refit;

namespace Mielto.Client.Http;

/// <summary>The Mielto content endpoints as Refit describes them, as <see cref="IMemoriesApi"/> does the memory ones.</summary>
internal interface IContentsApi
{
    /// <summary><c>GET /api/v1/contents</c>, one page by offset.</summary>
    [Get("/api/v1/contents")]
    Task<HttpResponseMessage> ListAsync(
        [Query, AliasAs("collection_id")] string? collectionId,
        [Query, AliasAs("status")] string? status,
        [Query, AliasAs("skip")] int skip,
        [Query, AliasAs("limit")] int? limit,
        [Query, AliasAs("sort_by")] string? sortBy,
        [Query, AliasAs("sort_order")] string? sortOrder,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/contents/{content_id}</c>.</summary>
    [Get("/api/v1/contents/{contentId}")]
    Task<HttpResponseMessage> GetAsync(string contentId, [Header("X-Workspace-Id")] string? workspaceId, CancellationToken cancellationToken);

    /// <summary><c>PATCH /api/v1/contents/{content_id}</c>: metadata and status only.</summary>
    [Patch("/api/v1/contents/{contentId}")]
    Task<HttpResponseMessage> UpdateAsync(
        string contentId,
        [Body(BodySerializationMethod.Serialized, buffered: true)] ContentUpdateRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>DELETE /api/v1/contents/{content_id}</c> (204).</summary>
    [Delete("/api/v1/contents/{contentId}")]
    Task<HttpResponseMessage> DeleteAsync(string contentId, [Header("X-Workspace-Id")] string? workspaceId, CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/contents/bulk/delete</c>: deleting the same ids again is harmless, so retried as idempotent.</summary>
    [Post("/api/v1/contents/bulk/delete")]
    Task<HttpResponseMessage> DeleteManyAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] ContentIds body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/chunks</c>, one page by cursor; the collection both as the documented query and as the official SDKs' header.</summary>
    [Get("/api/v1/chunks")]
    Task<HttpResponseMessage> ListChunksAsync(
        [Query, AliasAs("collection_id")] string? collectionId,
        [Query, AliasAs("content_id")] string? contentId,
        [Query, AliasAs("cursor")] string? cursor,
        [Query, AliasAs("limit")] int? limit,
        [Query, AliasAs("include_embedding")] string? includeEmbedding,
        [Header("X-Collection-Id")] string? collectionHeader,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);
}
