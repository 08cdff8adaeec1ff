using System.Net;

namespace Mielto.Client;

/// <summary>A 5xx status: Mielto failed to handle the call. Transient ones (500, 502, 503, 504) were already retried.</summary>
public class MieltoServerException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoServerException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
