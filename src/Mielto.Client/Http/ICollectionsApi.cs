using Mielto.Client.Operations;
using Refit;

namespace Mielto.Client.Http;

/// <summary>
/// The Mielto collection endpoints as Refit describes them, as <see cref="IMemoriesApi"/> does the memory ones: the key
/// is the client's default header, a null parameter is not sent, bodies are buffered.
/// </summary>
internal interface ICollectionsApi
{
    /// <summary><c>POST /api/v1/collections</c> (201). Not idempotent: retried only when it cannot have been processed.</summary>
    [Post("/api/v1/collections")]
    Task<HttpResponseMessage> CreateAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] CollectionCreateRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/collections/{collection_id}</c>.</summary>
    [Get("/api/v1/collections/{collectionId}")]
    Task<HttpResponseMessage> GetAsync(string collectionId, [Header("X-Workspace-Id")] string? workspaceId, CancellationToken cancellationToken);

    /// <summary><c>GET /api/v1/collections</c>, one page by offset.</summary>
    [Get("/api/v1/collections")]
    Task<HttpResponseMessage> ListAsync(
        [Query, AliasAs("skip")] int skip,
        [Query, AliasAs("limit")] int? limit,
        [Query, AliasAs("status")] string? status,
        [Query, AliasAs("visibility")] string? visibility,
        [Query, AliasAs("search")] string? search,
        [Query, AliasAs("tags")] string? tags,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>PUT /api/v1/collections/{collection_id}</c>: a partial update.</summary>
    [Put("/api/v1/collections/{collectionId}")]
    Task<HttpResponseMessage> UpdateAsync(
        string collectionId,
        [Body(BodySerializationMethod.Serialized, buffered: true)] CollectionUpdateRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary><c>DELETE /api/v1/collections/{collection_id}</c> (202, deletion runs on the server).</summary>
    [Delete("/api/v1/collections/{collectionId}")]
    Task<HttpResponseMessage> DeleteAsync(string collectionId, [Header("X-Workspace-Id")] string? workspaceId, CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/collections/search</c>: a read, retried as one.</summary>
    [Post("/api/v1/collections/search")]
    Task<HttpResponseMessage> SearchAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] CollectionSearchRequest body,
        [Header("X-Workspace-Id")] string? workspaceId,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /api/v1/upload</c>, as JSON with base64 files the way both official SDKs send it; the body is written as it
    /// is sent. Not idempotent: retried only when it cannot have been processed, and only if the body can be sent again.
    /// </summary>
    [Post("/api/v1/upload")]
    Task<HttpResponseMessage> UploadAsync(
        [Body] HttpContent body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        CancellationToken cancellationToken);

    /// <summary><c>POST /api/v1/chunks/create</c>: ingests a content uploaded without ingestion. Not idempotent.</summary>
    [Post("/api/v1/chunks/create")]
    Task<HttpResponseMessage> CreateChunksAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] ChunkCreationWire body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        CancellationToken cancellationToken);
}
