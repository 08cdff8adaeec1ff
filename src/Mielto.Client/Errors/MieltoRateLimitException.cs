using System.Net;

namespace Mielto.Client;

/// <summary>
/// 429 Too Many Requests, after the SDK's own retries were used up. <see cref="RetryAfter"/> says how long
/// the server asked to wait.
/// </summary>
public class MieltoRateLimitException : MieltoApiException
{
    /// <summary>Creates an exception for a 429 response.</summary>
    /// <param name="message">What happened, which call, and what to do.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="retryAfter">How long the server asked to wait, from its <c>Retry-After</c> header.</param>
    /// <param name="detail">The server's <c>detail</c>, or the text it sent.</param>
    /// <param name="errorCode">The server's <c>error_code</c>.</param>
    /// <param name="responseBody">The response body, capped.</param>
    /// <param name="requestId">The response's request id header.</param>
    public MieltoRateLimitException(string message, HttpStatusCode statusCode, TimeSpan? retryAfter, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long the server asked to wait before the next call, from <c>Retry-After</c> (delta-seconds or an
    /// HTTP date); null when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
