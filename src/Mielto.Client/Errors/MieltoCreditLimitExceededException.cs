using System.Net;

namespace Mielto.Client;

/// <summary>The server's <c>error_code</c> is <c>CREDIT_LIMIT_EXCEEDED</c> (whatever the status, as in Mielto's own SDKs): the account has used its credits.</summary>
public class MieltoCreditLimitExceededException : MieltoPaymentRequiredException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoCreditLimitExceededException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
