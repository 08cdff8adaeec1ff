using System.Net;

namespace Mielto.Client;

/// <summary>404 Not Found: the memory does not exist, or is not visible in this workspace or to this user. <see cref="IMemoriesClient.DeleteIfExistsAsync"/> treats it as already deleted.</summary>
public class MemoryNotFoundException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MemoryNotFoundException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
