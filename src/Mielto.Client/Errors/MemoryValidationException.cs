using System.Net;

namespace Mielto.Client;

/// <summary>
/// 422 Unprocessable Entity on a memory operation: the server refused the call's input.
/// <see cref="MieltoValidationException.Errors"/> lists what it refused, field by field.
/// </summary>
public class MemoryValidationException : MieltoValidationException
{
    /// <summary>Creates an exception for a 422 response.</summary>
    /// <param name="message">What happened, which call, and what to do.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="errors">The field errors the server listed.</param>
    /// <param name="detail">The server's <c>detail</c>, or the text it sent.</param>
    /// <param name="errorCode">The server's <c>error_code</c>.</param>
    /// <param name="responseBody">The response body, capped.</param>
    /// <param name="requestId">The response's request id header.</param>
    public MemoryValidationException(string message, HttpStatusCode statusCode, IReadOnlyList<MieltoValidationError> errors, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, errors, detail, errorCode, responseBody, requestId)
    {
    }
}
