using System.Net;

namespace Mielto.Client;

/// <summary>
/// The Mielto API answered with a status other than success. Subtypes exist for the statuses that callers
/// handle differently (401, 402, 403, 404, 422, 429, 5xx); any other status (400, 409, a 3xx redirect, which
/// the SDK never follows) is this type itself.
/// </summary>
public class MieltoApiException : MieltoException
{
    /// <summary>Creates an exception for a response with the given status.</summary>
    /// <param name="message">What happened, which call, and what to do.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="detail">The server's <c>detail</c>, or the text it sent.</param>
    /// <param name="errorCode">The server's <c>error_code</c>.</param>
    /// <param name="responseBody">The response body, capped.</param>
    /// <param name="requestId">The response's request id header.</param>
    public MieltoApiException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message)
    {
        StatusCode = statusCode;
        Detail = detail;
        ErrorCode = errorCode;
        ResponseBody = responseBody;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the response (for a retried call, of the last attempt).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// What the server said: its <c>detail</c> when the body is JSON (for a validation error, the field
    /// errors joined), otherwise the text of the body. Null when the body was empty.
    /// </summary>
    public string? Detail { get; }

    /// <summary>The server's <c>error_code</c>, such as <c>CREDIT_LIMIT_EXCEEDED</c>, when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The response body as text, cut to at most 4,096 characters. Null when it was empty.</summary>
    public string? ResponseBody { get; }

    /// <summary>The request id the server returned (<c>x-request-id</c> or <c>request-id</c>), for Mielto support.</summary>
    public string? RequestId { get; }
}
