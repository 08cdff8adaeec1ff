using System.Net;

namespace Mielto.Client;

/// <summary>
/// 404 Not Found, as the API's own answer about one memory: it does not exist, or is not visible in this workspace or
/// to this user. <see cref="IMemoriesClient.DeleteIfExistsAsync"/> treats it as already deleted.
/// </summary>
/// <remarks>As <see cref="MieltoNotFoundException"/>, only the API's own answer is this type.</remarks>
public class MemoryNotFoundException : MieltoNotFoundException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MemoryNotFoundException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
