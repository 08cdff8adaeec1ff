using System.Net;

namespace Mielto.Client;

/// <summary>401 Unauthorized: the API key is missing, wrong or revoked. Check <see cref="MieltoClientOptions.ApiKey"/>.</summary>
public class MieltoAuthenticationException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoAuthenticationException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
