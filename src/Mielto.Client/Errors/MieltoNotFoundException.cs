using System.Net;

namespace Mielto.Client;

/// <summary>
/// 404 Not Found, as the API's own answer about the one thing a call addresses (a memory, a collection): it does not
/// exist, or is not visible in this workspace or to this user. <see cref="MemoryNotFoundException"/> is this for a
/// memory.
/// </summary>
/// <remarks>
/// Only a 404 whose body is the API's word is this type: JSON with an <c>error_code</c>, or with a <c>detail</c> other
/// than <c>Not Found</c>. FastAPI's <c>{"detail":"Not Found"}</c> is its answer for a path that no route matches (a
/// wrong <see cref="MieltoClientOptions.BaseAddress"/>), and an empty body or a proxy's page says nothing of the
/// thing: those are a plain <see cref="MieltoApiException"/> that points at the address.
/// </remarks>
public class MieltoNotFoundException : MieltoApiException
{
    /// <inheritdoc cref="MieltoApiException(string, HttpStatusCode, string?, string?, string?, string?)"/>
    public MieltoNotFoundException(string message, HttpStatusCode statusCode, string? detail = null, string? errorCode = null, string? responseBody = null, string? requestId = null)
        : base(message, statusCode, detail, errorCode, responseBody, requestId)
    {
    }
}
