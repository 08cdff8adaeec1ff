namespace Mielto.Client;

/// <summary>
/// The memory operations of the Mielto API. Get one from dependency injection (after
/// <c>services.AddMieltoClient(...)</c>) or from <see cref="MieltoClient.Memories"/>; mock it in your tests.
/// </summary>
public interface IMemoriesClient
{
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
    /// <exception cref="MieltoException">Any failure other than 404, as for <see cref="DeleteAsync"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<bool> DeleteIfExistsAsync(string memoryId, string? userId = null, string? workspaceId = null, CancellationToken cancellationToken = default);
}
