using System.Net;

namespace Mielto.Client;

/// <summary>402 Payment Required: the account's plan does not allow the call. The subtypes tell a spent credit limit from a reached overage limit.</summary>
public class MieltoPaymentRequiredException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoPaymentRequiredException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
