namespace Mielto.Client;

/// <summary>Mielto's compression of a text or a conversation (<c>POST /api/v1/compress</c>), over the SDK's one pipeline.</summary>
public interface ICompressClient
{
    /// <summary>Compresses a text or a conversation.</summary>
    /// <param name="request">The text or the messages, the strategy, and optionally a webhook.</param>
    /// <param name="timeout">The limit on the call; null for <see cref="MieltoClientOptions.CompressTimeout"/> (5 minutes by default).</param>
    /// <param name="workspaceId">The workspace; null uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The compressed text and its figures, or the webhook's acknowledgement.</returns>
    /// <remarks>
    /// Not idempotent (the server runs, and bills, each compression it receives): retried only when the server cannot
    /// have processed it (the connection failed before sending, or a 429), and never sent again because the server
    /// says it is still processing it (<see cref="CompressResult.IsProcessing"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">Neither or both of a text and messages, or input that cannot be sent; nothing was sent.</exception>
    /// <exception cref="MieltoTimeoutException">No answer within the limit.</exception>
    /// <exception cref="MieltoException">Another failure; see its type.</exception>
    Task<CompressResult> CompressAsync(CompressRequest request, TimeSpan? timeout = null, string? workspaceId = null, CancellationToken cancellationToken = default);
}
