using System.Net;

namespace Mielto.Client;

/// <summary>403 Forbidden: the API key (or the given user) may not act on this memory or workspace.</summary>
public class MieltoPermissionException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoPermissionException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
