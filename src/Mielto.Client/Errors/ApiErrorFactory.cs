using System.Globalization;
using System.Net;
using System.Text;
using Mielto.Client.Http;
using Mielto.Client.Ingestion;
using Mielto.Client.Operations;

namespace Mielto.Client.Errors;

/// <summary>Turns a failed response into the typed exception that says what the server said and what to do.</summary>
internal static class ApiErrorFactory
{
    /// <summary>The most characters of a body kept in an exception.</summary>
    public const int MaxBodyChars = 4096;

    private const int MaxSnippetChars = 200;

    /// <summary>
    /// The most of an error body that is decoded and parsed: far above any real error, and a bound on what a hostile
    /// body of <see cref="MieltoClientOptions.MaxResponseBytes"/> can cost.
    /// </summary>
    private const int MaxErrorBytes = 64 * 1024;
    private const string Redacted = "[REDACTED]";
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id"];

    /// <summary>Builds the exception for a response whose status is not a success.</summary>
    /// <param name="operation">The operation, for what a 404 means.</param>
    /// <param name="call">The call, as a user would name it, such as <c>DELETE memory 'abc'</c>.</param>
    /// <param name="response">The response.</param>
    /// <param name="body">Its body, as read by <see cref="ResponseBody"/>.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="apiKey">The API key, removed from anything the server echoed.</param>
    /// <param name="timeProvider">The clock for an HTTP-date <c>Retry-After</c>.</param>
    public static MieltoApiException Create(Operation operation, string call, HttpResponseMessage response, BufferedContent body, int attempts, string apiKey, TimeProvider timeProvider)
    {
        var status = response.StatusCode;
        var text = Redact(Encoding.UTF8.GetString(Prefix(body, MaxErrorBytes + apiKey.Length)), apiKey);
        var parsed = ErrorBody.Parse(text);
        var detail = parsed.Detail is null ? null : Cap(parsed.Detail, MaxBodyChars);
        var responseBody = text.Length == 0 ? null : Cap(text, MaxBodyChars);
        var requestId = RequestId(response);
        var retryAfter = status == HttpStatusCode.TooManyRequests ? RetryAfterHeader.Read(response, timeProvider) : null;

        // Headers such as Location are the server's words too: redact the whole message, not just the body.
        var message = Redact(Message(operation, call, response, body, detail, parsed, requestId, attempts, retryAfter), apiKey);
        return (parsed.ErrorCode, (int)status) switch
        {
            ("CREDIT_LIMIT_EXCEEDED", _) => new MieltoCreditLimitExceededException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            ("OVERAGE_LIMIT_EXCEEDED", _) => new MieltoOverageLimitExceededException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 401) => new MieltoAuthenticationException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 402) => new MieltoPaymentRequiredException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 403) => new MieltoPermissionException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 404) when operation.OnOne && parsed.FromApplication => operation.Resource.NotFound(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 422) => operation.Resource.Invalid(message, status, parsed.ValidationErrors, detail, parsed.ErrorCode, responseBody, requestId),
            (_, 429) => new MieltoRateLimitException(message, status, retryAfter, detail, parsed.ErrorCode, responseBody, requestId),
            (_, >= 500) => new MieltoServerException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
            _ => new MieltoApiException(message, status, detail, parsed.ErrorCode, responseBody, requestId),
        };
    }

    /// <summary>Builds the exception for a success status whose body is not the expected JSON.</summary>
    public static MieltoException UnexpectedBody(string call, HttpResponseMessage response, BufferedContent body, string expected, string apiKey)
    {
        var snippet = Cap(Redact(Encoding.UTF8.GetString(Prefix(body, (MaxSnippetChars * 4) + apiKey.Length)), apiKey), MaxSnippetChars);
        var size = body.Truncated ? $"more than {body.Limit} bytes, where the SDK stops reading ({nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.MaxResponseBytes)})" : $"{body.Body.Length} bytes";
        return new MieltoException(
            $"Mielto answered {call} with {Status(response)}, but the body is not the expected {expected} JSON " +
            $"(content type '{body.OriginalHeaders?.ContentType?.ToString() ?? "none"}', {size}; body: \"{snippet}\"). " +
            $"Check {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}: it may point at something other than the Mielto API.");
    }

    /// <summary>Removes the API key from text the server sent, in case it echoed the request.</summary>
    public static string Redact(string text, string apiKey) =>
        apiKey.Length > 0 && text.Contains(apiKey, StringComparison.Ordinal) ? text.Replace(apiKey, Redacted, StringComparison.Ordinal) : text;

    private static string Message(Operation operation, string call, HttpResponseMessage response, BufferedContent body, string? detail, ErrorBody parsed, string? requestId, int attempts, TimeSpan? retryAfter)
    {
        var errorCode = parsed.ErrorCode;
        var message = new StringBuilder();
        message.Append("Mielto refused ").Append(call).Append(": ").Append(Status(response));
        if (detail is not null)
        {
            message.Append(": \"").Append(Cap(detail, MaxSnippetChars)).Append('"');
        }

        var facts = new List<string>(4);
        if (errorCode is not null)
        {
            facts.Add("error_code " + errorCode);
        }

        if (requestId is not null)
        {
            facts.Add("request id " + requestId);
        }

        if (attempts > 1)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"after {attempts} attempts"));
        }

        if (body.Truncated)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"body longer than {body.Limit} bytes, only that much read"));
        }

        if (facts.Count > 0)
        {
            message.Append(" (").AppendJoin("; ", facts).Append(')');
        }

        message.Append(". ").Append(Advice(operation, response, parsed, retryAfter)).Append(UploadContent.NotResentNote(response));
        return message.ToString();
    }

    private static string Advice(Operation operation, HttpResponseMessage response, ErrorBody parsed, TimeSpan? retryAfter) => (parsed.ErrorCode, (int)response.StatusCode) switch
    {
        ("CREDIT_LIMIT_EXCEEDED", _) => "The account has used its credits: add credits or upgrade the plan in Mielto.",
        ("OVERAGE_LIMIT_EXCEEDED", _) => "The account reached its overage limit: raise it or upgrade the plan in Mielto.",
        (_, 401) => $"Check {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.ApiKey)}: the key is missing, wrong or revoked.",
        (_, 402) => "Check the Mielto account's plan and billing.",
        (_, 403) => operation.OnOne
            ? $"The API key, workspace or user_id given may not act on this {operation.Resource.One}; check the workspace and user."
            : "The API key, workspace or user_id given may not do this; check the workspace and user.",
        (_, 404) when operation.NotFoundAdvice is { } advice && parsed.FromApplication => advice,
        (_, 404) when parsed.FromApplication => $"Something the call names was not found; see the detail. If it names nothing of yours, check {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}, which should be the API's root, such as {MieltoClientOptions.DefaultBaseAddress}.",
        (_, 404) => RouteNotFoundAdvice(response),
        (_, 422) => "Fix the listed input and call again.",
        (_, 429) => retryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"Mielto is rate limiting this key: wait {wait.TotalSeconds:0.###} s before calling again.")
            : "Mielto is rate limiting this key: slow down and call again later.",
        (_, >= 500) => "Mielto failed to handle the call; try again later, and quote the request id to Mielto support if it persists.",
        (_, >= 300 and < 400) => $"The SDK does not follow redirects (Location: {response.Headers.Location?.ToString() ?? "none"}); check {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}.",
        _ => "The call was not accepted; see the detail.",
    };

    /// <summary>
    /// A 404 that is not the API's own answer about a resource: the router's, or a proxy's. The address is the
    /// likeliest cause, so the advice names it (it holds no secret: the options refuse user information in it).
    /// </summary>
    private static string RouteNotFoundAdvice(HttpResponseMessage response)
    {
        var address = response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path) ?? "the address";
        return $"This is not an answer about a resource: no route of the Mielto API matches {address} " +
               $"(FastAPI's {{\"detail\":\"{ErrorBody.RouteNotFoundDetail}\"}}, or a page from something else at that address). " +
               $"Check {nameof(MieltoClientOptions)}.{nameof(MieltoClientOptions.BaseAddress)}, which should be the API's root, such as {MieltoClientOptions.DefaultBaseAddress}.";
    }

    private static string Status(HttpResponseMessage response) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}");

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The start of a body, for text that keeps less of it than that: callers add the key's length, so that a key
    /// echoed anywhere in what could be kept is decoded whole, and redacted.
    /// </summary>
    private static ReadOnlySpan<byte> Prefix(BufferedContent body, int maxBytes) => body.Body.Span[..Math.Min(body.Body.Length, maxBytes)];

    private static string Cap(string text, int maxChars) => text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), "…");
}
