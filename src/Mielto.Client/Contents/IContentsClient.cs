namespace Mielto.Client;

/// <summary>
/// The contents of Mielto's knowledge collections: the documents uploaded into them, and where each one's ingestion
/// stands. Every method checks its arguments before sending, sends <c>X-Workspace-Id</c> when a workspace is given
/// or configured, retries as the operation allows, and turns a failure into a typed <see cref="MieltoException"/>.
/// </summary>
public interface IContentsClient
{
    /// <summary>Lists one page of contents (<c>GET /api/v1/contents</c>), with the grand total of those that match.</summary>
    /// <param name="options">The collection, status, offset, page size (1 to 1,000) and order.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<ContentPage> ListAsync(ContentListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Every content that matches, page by page as you read, never one twice.</summary>
    /// <param name="options">Where to start, the page size (default 100), the filters and the order.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The contents.</returns>
    IAsyncEnumerable<CollectionContent> ListAllAsync(ContentListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one content (<c>GET /api/v1/contents/{id}</c>), its ingestion status included.</summary>
    /// <param name="contentId">The content; empty, <c>.</c>, <c>..</c> and <c>bulk</c> are refused, any other id is sent as given.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such content here.</exception>
    Task<CollectionContent> GetAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetAsync"/>, with null for a content the API says is not there.</summary>
    /// <param name="contentId">The content.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content, or null.</returns>
    Task<CollectionContent?> GetIfExistsAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a content's metadata or status (<c>PATCH /api/v1/contents/{id}</c>); its data cannot be changed.</summary>
    /// <param name="contentId">The content.</param>
    /// <param name="update">What to change; at least one field.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content after the change.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such content here.</exception>
    Task<CollectionContent> UpdateAsync(string contentId, ContentUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a content and its chunks (<c>DELETE /api/v1/contents/{id}</c>, 204).</summary>
    /// <param name="contentId">The content.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such content here.</exception>
    Task DeleteAsync(string contentId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes several contents at once (<c>POST /api/v1/contents/bulk/delete</c>), with an outcome per id.</summary>
    /// <param name="contentIds">The contents, 1 to 1,000, each a valid id; duplicates are sent once.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids deleted and those not, with why: a partial failure is a result, not an exception.</returns>
    Task<ContentDeleteManyResult> DeleteManyAsync(IEnumerable<string> contentIds, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of chunks (<c>GET /api/v1/chunks</c>): of a collection, of a content, or both. The collection goes
    /// both as the documented query <c>collection_id</c> and as the official SDKs' <c>X-Collection-Id</c> header; the
    /// chunks are read under <c>chunks</c> (the docs) or <c>data</c> (the SDKs).
    /// </summary>
    /// <param name="options">The collection, content, cursor, page size (1 to 500) and whether to include embeddings.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with the cursor of the next.</returns>
    Task<ChunkPage> ListChunksAsync(ChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Every chunk, page by page as you read, following the cursors; a cursor given twice stops it with an error instead of a loop.</summary>
    /// <param name="options">As for <see cref="ListChunksAsync"/>; the cursor is where to start.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The chunks.</returns>
    IAsyncEnumerable<CollectionChunk> ListAllChunksAsync(ChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until each content's ingestion has ended, <see cref="ContentStatus.Completed"/> or
    /// <see cref="ContentStatus.Failed"/> (with the server's <see cref="CollectionContent.StatusMessage"/>), by polling
    /// <see cref="GetAsync"/>, since the API has no job endpoint: each content still pending is read again after a wait
    /// that grows from <see cref="IngestionWaitOptions.PollInterval"/> to <see cref="IngestionWaitOptions.MaxPollInterval"/>.
    /// </summary>
    /// <param name="contentIds">The contents, such as an upload's; duplicates are polled once.</param>
    /// <param name="options">The waits and the overall timeout; null for the defaults (1 s growing to 15 s, 10 minutes in all).</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Stops the wait; the ingestion goes on on the server.</param>
    /// <returns>Each content as its ingestion ended, in the order of <paramref name="contentIds"/>; a failed ingestion is a result, not an exception.</returns>
    /// <exception cref="MieltoTimeoutException">The timeout passed with contents still ingesting; the message names them.</exception>
    /// <exception cref="MieltoNotFoundException">A content does not exist (or was deleted while waiting).</exception>
    Task<IReadOnlyList<CollectionContent>> WaitForIngestionAsync(IEnumerable<string> contentIds, IngestionWaitOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);
}
