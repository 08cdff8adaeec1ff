namespace Mielto.Client;

/// <summary>
/// Mielto's knowledge collections: create, read, list, change, delete and search the collections of a workspace. Every
/// method checks its arguments before sending, sends <c>X-Workspace-Id</c> when a workspace is given or configured,
/// retries as the operation allows, and turns a failure into a typed <see cref="MieltoException"/>.
/// </summary>
public interface ICollectionsClient
{
    /// <summary>Creates a collection (<c>POST /api/v1/collections</c>; the API answers 201, and 200 is read alike).</summary>
    /// <param name="request">The new collection; <see cref="CollectionCreateRequest.Name"/> is required (1 to 100 characters).</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collection, as the server made it.</returns>
    /// <remarks>Not idempotent: retried only when the server cannot have processed it (the connection failed before sending, or a 429).</remarks>
    /// <exception cref="ArgumentException">The request cannot be sent as it is; nothing was sent.</exception>
    /// <exception cref="MieltoValidationException">The server refused the input (422).</exception>
    /// <exception cref="MieltoException">Another failure; see its type.</exception>
    Task<Collection> CreateAsync(CollectionCreateRequest request, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one collection (<c>GET /api/v1/collections/{id}</c>).</summary>
    /// <param name="collectionId">The collection; empty, <c>.</c>, <c>..</c> and <c>search</c> are refused, any other id is sent as given.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collection.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such collection here.</exception>
    /// <exception cref="MieltoException">Another failure; see its type.</exception>
    Task<Collection> GetAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetAsync"/>, with null for a collection the API says is not there.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collection, or null.</returns>
    Task<Collection?> GetIfExistsAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of collections (<c>GET /api/v1/collections</c>), with the grand total of those that match.</summary>
    /// <param name="options">Offset, page size (1 to 1,000), status, visibility, text and tags.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<CollectionPage> ListAsync(CollectionListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every collection that matches, page by page as you read: it stops at a short page or the grand total, and never
    /// returns a collection twice, even from a server that repeats a page.
    /// </summary>
    /// <param name="options">Where to start, the page size (default 100), and the filters.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The collections.</returns>
    IAsyncEnumerable<Collection> ListAllAsync(CollectionListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a collection (<c>PUT /api/v1/collections/{id}</c>): only what the update sets.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="update">What to change; at least one field.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collection after the change.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such collection here.</exception>
    Task<Collection> UpdateAsync(string collectionId, CollectionUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a collection and everything in it (<c>DELETE /api/v1/collections/{id}</c>). The server accepts the delete
    /// (202) and deletes afterwards; 200 and 204, with a body or without, are read alike.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the server answered: its status and job id when it gave them.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such collection here.</exception>
    Task<CollectionDeleteResult> DeleteAsync(string collectionId, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Searches one collection's chunks (<c>POST /api/v1/collections/search</c>), most relevant first.</summary>
    /// <param name="request">The query, the collection, and optionally the search type, <c>k</c> (1 to 100), a score threshold (0 to 1) and filters.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scored results.</returns>
    /// <exception cref="MieltoNotFoundException">The API says there is no such collection here.</exception>
    Task<CollectionSearchResponse> SearchAsync(CollectionSearchRequest request, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads text to a collection as one content (<c>POST /api/v1/upload</c>, <c>content_type</c> <c>text</c>).</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="text">The text; not blank.</param>
    /// <param name="options">Its label (the content's name), description, metadata, reader, and whether to ingest it now (the default).</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome of the item: its content id, or why it failed.</returns>
    /// <remarks>Not idempotent: retried only when the server cannot have processed it (the connection failed before sending, or a 429).</remarks>
    /// <exception cref="ArgumentException">An argument cannot be sent as it is; nothing was sent.</exception>
    /// <exception cref="MieltoException">The call failed; see its type. An item the server refused is in the result instead.</exception>
    Task<UploadResult> UploadTextAsync(string collectionId, string text, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads files to a collection in one request (<c>POST /api/v1/upload</c>), as the official SDKs send them: JSON
    /// with each file in base64, but streamed, the base64 written into the request as each file is read, so that no
    /// file is ever held in memory whole.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="files">The files: paths, streams or bytes, each with its label and MIME type (detected when not given).</param>
    /// <param name="options">Description, metadata, reader, and whether to ingest them now (the default).</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome of each file: its content id, or why it failed. A partial failure is a result, not an exception.</returns>
    /// <remarks>
    /// Not idempotent: retried only when the server cannot have processed it, and only when every file can be read again
    /// from its start (a path, bytes, a seekable stream); a stream that cannot seek is sent once, and the error says so.
    /// </remarks>
    /// <exception cref="ArgumentException">No file, or an argument that cannot be sent; nothing was sent.</exception>
    /// <exception cref="FileNotFoundException">A path names no file; nothing was sent.</exception>
    /// <exception cref="IOException">A file could not be read as it was sent; the upload was not completed.</exception>
    /// <exception cref="MieltoException">The call failed; see its type.</exception>
    Task<UploadResult> UploadFilesAsync(string collectionId, IEnumerable<UploadFile> files, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Has Mielto fetch web pages into a collection (<c>POST /api/v1/upload</c>, <c>content_type</c> <c>url</c>).</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="urls">Absolute http or https addresses.</param>
    /// <param name="options">Description, metadata, reader, <see cref="UploadOptions.Crawl"/>, and whether to ingest now (the default).</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome of each address.</returns>
    /// <exception cref="ArgumentException">No address, or one that is not absolute http or https; nothing was sent.</exception>
    /// <exception cref="MieltoException">The call failed; see its type.</exception>
    Task<UploadResult> UploadUrlsAsync(string collectionId, IEnumerable<Uri> urls, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Chunks and embeds a content uploaded with <see cref="UploadOptions.Ingest"/> false (<c>POST /api/v1/chunks/create</c>),
    /// so that search finds it.
    /// </summary>
    /// <param name="contentId">The content, as the upload's result named it.</param>
    /// <param name="options">The reader, and whether to chunk again a content that has chunks.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was chunked.</returns>
    /// <remarks>Not idempotent: retried only when the server cannot have processed it.</remarks>
    /// <exception cref="MieltoNotFoundException">The API says there is no such content here.</exception>
    /// <exception cref="MieltoException">Another failure; see its type.</exception>
    Task<ChunkCreationResult> CreateChunksAsync(string contentId, ChunkCreationOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads the files of a folder: recursively by default, with the extensions asked for, without what the exclude
    /// patterns, the folder's <c>.gitignore</c> files or hiding leave out (<c>.git</c> is never uploaded), in batches
    /// bounded by count and by encoded bytes, several at once. Every file gets an outcome: uploaded, skipped because the
    /// collection has it already (so a second run uploads only what the first did not), or failed with its reason.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="directory">The folder; each file's label (its content's name) is its path relative to it, with <c>/</c>.</param>
    /// <param name="options">What to take and how: extensions, exclusions, batches, concurrency, and the upload's metadata and reader.</param>
    /// <param name="progress">Told of the files and bytes done, at least once a second; null for none.</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Stops the upload: requests in flight are cancelled, and what the server took stays.</param>
    /// <returns>The outcome of every file.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist; nothing was sent.</exception>
    /// <exception cref="ArgumentException">An option cannot be used; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">The upload was cancelled.</exception>
    /// <exception cref="MieltoException">Listing the collection's contents (<see cref="DirectoryUploadOptions.SkipExisting"/>) failed; a failed request is a failure of its files in the result instead.</exception>
    Task<DirectoryUploadResult> UploadDirectoryAsync(
        string collectionId,
        string directory,
        DirectoryUploadOptions? options = null,
        IProgress<DirectoryUploadProgress>? progress = null,
        string? workspaceId = null,
        CancellationToken cancellationToken = default);
}
