using System.Net;

namespace Mielto.Client;

/// <summary>The server's <c>error_code</c> is <c>OVERAGE_LIMIT_EXCEEDED</c> (whatever the status, as in Mielto's own SDKs): the account reached its overage limit.</summary>
public class MieltoOverageLimitExceededException : MieltoPaymentRequiredException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoOverageLimitExceededException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
