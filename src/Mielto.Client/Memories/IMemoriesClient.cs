using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client;

/// <summary>
/// The memory operations of the Mielto API. Get one from dependency injection (after
/// <c>services.AddMieltoClient(...)</c>) or from <see cref="MieltoClient.Memories"/>; mock it in your tests.
/// </summary>
/// <remarks>
/// Every operation checks its arguments before anything is sent (an <see cref="ArgumentException"/>), takes an
/// optional <c>workspaceId</c> sent as <c>X-Workspace-Id</c> (null or empty uses
/// <see cref="MieltoClientOptions.WorkspaceId"/>; one that cannot travel in a header unchanged is an
/// <see cref="ArgumentException"/>), and on failure throws a <see cref="MieltoException"/>:
/// <see cref="MemoryNotFoundException"/> (the API's 404 about one memory), <see cref="MemoryValidationException"/>
/// (422), another <see cref="MieltoApiException"/> for any other error status, <see cref="MieltoTimeoutException"/>,
/// <see cref="MieltoConnectionException"/>, or a plain <see cref="MieltoException"/> for a success whose body is
/// not the expected JSON. Cancelling the token throws <see cref="OperationCanceledException"/>, during a retry
/// delay too. Retries follow each operation's meaning: see <see cref="CreateAsync"/>.
/// </remarks>
public interface IMemoriesClient
{
    /// <summary>Creates a memory for a user.</summary>
    /// <param name="request">The memory; <see cref="MemoryCreateRequest.UserId"/> and <see cref="MemoryCreateRequest.Content"/> are required.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The new memory's id and the memory as created.</returns>
    /// <remarks>
    /// Creating is not idempotent, and Mielto has no idempotency keys: a create sent twice makes two memories. So a
    /// create is retried only when the server cannot have processed it: the connection could not be made (nothing
    /// was sent) or the server answered 429. After a timeout, a 5xx or a connection cut once the request was sent,
    /// it is not retried and the exception says so; list the user's memories before creating again.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A required field is null, a text is not valid UTF-16, a topic is null, a metadata value is a default
    /// <c>JsonElement</c>, or <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.
    /// </exception>
    /// <exception cref="MemoryValidationException">The server refused the input (422).</exception>
    /// <exception cref="MieltoException">Any other failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var created = await memories.CreateAsync(new MemoryCreateRequest { UserId = "user_42", Content = "Prefers green tea" }, cancellationToken: ct);
    /// Console.WriteLine(created.MemoryId);
    /// </code>
    /// </example>
    Task<MemoryCreateResponse> CreateAsync(MemoryCreateRequest request, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a memory by its id.</summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="userId">The user who owns the memory, sent as <c>user_id</c>; null or empty sends none.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The memory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="memoryId"/> is empty, whitespace, <c>.</c> or <c>..</c>, or <c>chunks</c> or <c>profile</c>
    /// (each would address another route), an id is not valid UTF-16, or <paramref name="workspaceId"/> cannot be
    /// sent in a header. Nothing is sent.
    /// </exception>
    /// <exception cref="MemoryNotFoundException">The memory does not exist (404).</exception>
    /// <exception cref="MieltoException">Any other failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Memory> GetAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a memory by its id, or null when it does not exist (404); any other failure throws as <see cref="GetAsync"/> does.</summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="userId">The user who owns the memory, sent as <c>user_id</c>; null or empty sends none.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The memory, or null on 404.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="GetAsync"/>; nothing is sent.</exception>
    /// <exception cref="MieltoException">
    /// Any failure other than the API's 404 about the memory, as for <see cref="GetAsync"/>; a 404 that names no
    /// resource (the router's <c>{"detail":"Not Found"}</c> for a wrong <see cref="MieltoClientOptions.BaseAddress"/>,
    /// an empty body, a proxy's page) is a <see cref="MieltoApiException"/>, never null.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Memory?> GetIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of memories; <see cref="ListAllAsync"/> goes through all of them.</summary>
    /// <param name="options">Whose memories, how many, from which cursor, in which order; only what is set is sent.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The page, with the cursor of the next one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MemoryListOptions.Limit"/> is outside 1 to 100, or <see cref="MemoryListOptions.SortOrder"/> is not a defined value. Nothing is sent.</exception>
    /// <exception cref="ArgumentException">A text is not valid UTF-16, or <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.</exception>
    /// <exception cref="MieltoException">Any failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<MemoryPage> ListAsync(MemoryListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every memory, page after page, as they are consumed: no page is fetched before it is needed, and none
    /// after the consumer stops. Paging ends when the server says there is no more (<c>has_more</c> false, or no
    /// cursor); a server that hands out a cursor it gave before is a <see cref="MieltoException"/> instead of an
    /// endless loop.
    /// </summary>
    /// <param name="options">As for <see cref="ListAsync"/>; <see cref="MemoryListOptions.Cursor"/> is where to start.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the listing, within a page and between pages; so does <c>WithCancellation</c>.</param>
    /// <returns>The memories, in the server's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="ListAsync"/>, thrown by this call, before anything is sent.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ListAsync"/>, thrown by this call, before anything is sent.</exception>
    /// <exception cref="MieltoException">While enumerating: any failure of a page, or a repeated cursor.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: the token was cancelled.</exception>
    /// <example>
    /// <code>
    /// await foreach (var memory in memories.ListAllAsync(new MemoryListOptions { UserId = "user_42", Limit = 100 }, cancellationToken: ct))
    /// {
    ///     Console.WriteLine($"{memory.MemoryId}: {memory.Content}");
    /// }
    /// </code>
    /// </example>
    IAsyncEnumerable<Memory> ListAllAsync(MemoryListOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Searches memories. A search is a read, so it is retried like one.</summary>
    /// <param name="request">The query, and optionally whose memories, how many and how to search.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The memories found, best first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MemorySearchRequest.Limit"/> is outside 1 to 100. Nothing is sent.</exception>
    /// <exception cref="ArgumentException"><see cref="MemorySearchRequest.Query"/> is null, a text is not valid UTF-16, or <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.</exception>
    /// <exception cref="MemoryValidationException">The server refused the input (422).</exception>
    /// <exception cref="MieltoException">Any other failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var found = await memories.SearchAsync(new MemorySearchRequest { Query = "drinks", UserId = "user_42", Limit = 5 }, cancellationToken: ct);
    /// </code>
    /// </example>
    Task<MemorySearchResponse> SearchAsync(MemorySearchRequest request, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates some fields of a memory: only those set in <paramref name="update"/> are sent, and only they change.
    /// Mielto's API reference does not say whether a JSON <c>null</c> clears a field, so the SDK never sends one:
    /// to empty the topics or the metadata, set an empty list or dictionary; to set the whole memory, use
    /// <see cref="ReplaceAsync"/>.
    /// </summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="update">The fields to change; at least one must be set.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The memory as it is now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> or <paramref name="update"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="memoryId"/> is empty, whitespace, <c>.</c> or <c>..</c>; <paramref name="update"/> sets nothing;
    /// a text is not valid UTF-16, a topic is null or a metadata value a default <c>JsonElement</c>; or
    /// <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.
    /// </exception>
    /// <exception cref="MemoryNotFoundException">The memory does not exist (404).</exception>
    /// <exception cref="MieltoException">Any other failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// await memories.UpdateAsync("mem_123", new MemoryUpdateRequest { UserId = "user_42", Topics = ["drinks"] }, cancellationToken: ct);
    /// </code>
    /// </example>
    Task<MemoryUpdateResponse> UpdateAsync(string memoryId, MemoryUpdateRequest update, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a memory's whole state; it keeps its id and creation time. Since it sets the whole state, sending it
    /// twice is harmless, and it is retried like a read.
    /// </summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="replacement">The new state; <see cref="MemoryReplaceRequest.Content"/> is required.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The memory before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> or <paramref name="replacement"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="memoryId"/> is empty, whitespace, <c>.</c> or <c>..</c>; <see cref="MemoryReplaceRequest.Content"/>
    /// is null; a text is not valid UTF-16, a topic is null or a metadata value a default <c>JsonElement</c>; or
    /// <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.
    /// </exception>
    /// <exception cref="MemoryNotFoundException">The memory does not exist (404).</exception>
    /// <exception cref="MieltoException">Any other failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<MemoryReplaceResponse> ReplaceAsync(string memoryId, MemoryReplaceRequest replacement, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a memory. Only its owner can delete it, and it cannot be undone.</summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="userId">The user who owns the memory, sent as <c>user_id</c>; null or empty sends none.</param>
    /// <param name="workspaceId">
    /// The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The server's confirmation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="memoryId"/> is empty, whitespace, <c>.</c> or <c>..</c> (it would address another resource),
    /// an id is not valid UTF-16, or <paramref name="workspaceId"/> cannot be sent in a header. Nothing is sent.
    /// </exception>
    /// <exception cref="MemoryNotFoundException">The memory does not exist (404).</exception>
    /// <exception cref="MemoryValidationException">The server refused the input (422).</exception>
    /// <exception cref="MieltoApiException">Any other error status; see its subtypes.</exception>
    /// <exception cref="MieltoTimeoutException">The call timed out after its retries.</exception>
    /// <exception cref="MieltoConnectionException">Mielto could not be reached after the retries.</exception>
    /// <exception cref="MieltoException">The server answered success with a body that is not the expected JSON.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var deleted = await memories.DeleteAsync("mem_123", userId: "user_42", cancellationToken: ct);
    /// Console.WriteLine($"{deleted.MemoryId}: {deleted.Message}");
    /// </code>
    /// </example>
    Task<MemoryDeleteResponse> DeleteAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a memory if it exists: like <see cref="DeleteAsync"/>, but a memory that is not there (404) is
    /// not an error. Use it where deleting twice must be harmless.
    /// </summary>
    /// <param name="memoryId">The memory's id, sent exactly as given (escaped as one path segment).</param>
    /// <param name="userId">The user who owns the memory, sent as <c>user_id</c>; null or empty sends none.</param>
    /// <param name="workspaceId">
    /// The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>True when the memory was deleted; false when it did not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memoryId"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="DeleteAsync"/>; nothing is sent.</exception>
    /// <exception cref="MieltoException">
    /// Any failure other than the API's 404 about the memory, as for <see cref="DeleteAsync"/>; a 404 that names no
    /// resource (the router's <c>{"detail":"Not Found"}</c> for a wrong <see cref="MieltoClientOptions.BaseAddress"/>,
    /// an empty body, a proxy's page) is a <see cref="MieltoApiException"/>, never false.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<bool> DeleteIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases every memory of one user, for a right-to-erasure request or an account deletion: lists the user's
    /// memories and deletes each (with <c>user_id</c> set), several at once, at the pace the server allows. Safe to
    /// run again: a second run finishes what a cancelled or failed one left.
    /// </summary>
    /// <param name="userId">The user; null, empty or whitespace is refused, since it would act on every user.</param>
    /// <param name="options">The workspace, the concurrency (default 4) and a progress sink.</param>
    /// <param name="cancellationToken">Stops new deletes at once and cancels those in flight; then throws.</param>
    /// <returns>What was deleted, already gone, skipped and failed; <see cref="MemoryEraseResult.Complete"/> when nothing is left to do.</returns>
    /// <remarks>
    /// <para>It does not rely on a cursor staying valid while the list shrinks: it lists again from the start until a
    /// listing finds nothing it has not tried. A memory the listing shows with another <c>user_id</c> is never
    /// deleted (it is counted in <see cref="MemoryEraseResult.Skipped"/> and logged at Warning). A memory whose
    /// delete fails after the SDK's retries is reported in <see cref="MemoryEraseResult.Failed"/>, not retried in a
    /// loop, and the erasure goes on with the others; one already gone (404) counts in
    /// <see cref="MemoryEraseResult.AlreadyGone"/>.</para>
    /// <para>A 429 slows the whole erasure: while a <c>Retry-After</c> is pending no new delete starts, and the number
    /// in flight halves, then grows back by one at a time as deletes succeed. A 429 that outlasts the SDK's retries
    /// is waited out and tried again, not reported as a failure.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty, whitespace or not valid UTF-16, or the workspace cannot be sent in a header. Nothing is sent.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MemoryEraseOptions.MaxConcurrency"/> is outside 1 to 64. Nothing is sent.</exception>
    /// <exception cref="MieltoException">A listing failed after the SDK's retries (deletes that fail are reported, not thrown).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var erased = await memories.DeleteAllForUserAsync("user_42", new MemoryEraseOptions { MaxConcurrency = 8 }, ct);
    /// if (!erased.Complete) { /* erased.Failed lists what is left, with why */ }
    /// </code>
    /// </example>
    Task<MemoryEraseResult> DeleteAllForUserAsync(string userId, MemoryEraseOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every memory of one user, and only the user's, to <paramref name="destination"/> as JSON lines: the API's
    /// own snake_case memory object, one per <c>\n</c>-ended line, UTF-8 without a BOM. It streams page by page, so
    /// memory use does not grow with the number of memories. To process them in code instead, use
    /// <see cref="ListAllAsync"/> with <see cref="MemoryListOptions.UserId"/>.
    /// </summary>
    /// <param name="userId">The user; null, empty or whitespace is refused, since it would export every user.</param>
    /// <param name="destination">Where to write; it is flushed at the end and left open.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the export; what was written stays written.</param>
    /// <returns>How many memories were written. A memory the listing shows for another user is left out, and logged at Warning.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty, whitespace or not valid UTF-16, or <paramref name="destination"/> cannot be written. Nothing is sent.</exception>
    /// <exception cref="MieltoException">A listing failed after the SDK's retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<long> ExportForUserAsync(string userId, Stream destination, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks Mielto to extract memories from a conversation (<c>POST /api/v1/memories/from_messages</c>). Not in Mielto's
    /// published API reference: its shape is taken from the official SDKs, and may change. Like a create, it is not
    /// idempotent, and is retried only when the server cannot have processed it.
    /// </summary>
    /// <param name="request">The messages and the user; <see cref="MemoryFromMessagesRequest.UserId"/> and <see cref="MemoryFromMessagesRequest.Messages"/> are required.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>How many memories were created, and their ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A required field or a message is null, or a text is not valid UTF-16. Nothing is sent.</exception>
    /// <exception cref="MieltoException">Any failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Experimental(MieltoDiagnostics.Experimental)]
    Task<MemoryFromMessagesResponse> CreateFromMessagesAsync(MemoryFromMessagesRequest request, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of memory chunks (<c>GET /api/v1/memories/chunks</c>), with their embeddings when asked.
    /// Not in Mielto's published API reference: its shape is taken from the official SDKs, and may change.
    /// </summary>
    /// <param name="options">Whose chunks, how many, from which cursor, with or without embeddings; only what is set is sent.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The page, with the cursor of the next one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MemoryChunkListOptions.Limit"/> is outside 1 to 100. Nothing is sent.</exception>
    /// <exception cref="MieltoException">Any failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Experimental(MieltoDiagnostics.Experimental)]
    Task<MemoryChunkPage> ListChunksAsync(MemoryChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every memory chunk, page after page, with the paging guarantees of <see cref="ListAllAsync"/>: lazy,
    /// cancellable within and between pages, and a <see cref="MieltoException"/> instead of a loop when the server
    /// repeats a cursor. Not in Mielto's published API reference: its shape is taken from the official SDKs.
    /// </summary>
    /// <param name="options">As for <see cref="ListChunksAsync"/>; <see cref="MemoryChunkListOptions.Cursor"/> is where to start.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the listing; so does <c>WithCancellation</c>.</param>
    /// <returns>The chunks, in the server's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="ListChunksAsync"/>, thrown by this call.</exception>
    /// <exception cref="MieltoException">While enumerating: any failure of a page, or a repeated cursor.</exception>
    [Experimental(MieltoDiagnostics.Experimental)]
    IAsyncEnumerable<MemoryChunk> ListAllChunksAsync(MemoryChunkListOptions options, string? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets what Mielto keeps as a user's profile (<c>GET /api/v1/memories/profile</c>). Not in Mielto's published API
    /// reference: its shape is taken from the official SDKs, and may change.
    /// </summary>
    /// <param name="userId">The user; required.</param>
    /// <param name="workspaceId">The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <param name="cancellationToken">Cancels the call, during a retry delay too.</param>
    /// <returns>The profile memory and the structured profile, either of which may be null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty, whitespace or not valid UTF-16. Nothing is sent.</exception>
    /// <exception cref="MieltoException">Any failure; see <see cref="IMemoriesClient"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Experimental(MieltoDiagnostics.Experimental)]
    Task<MemoryProfile> GetProfileAsync(string userId, string? workspaceId = null, CancellationToken cancellationToken = default);
}
