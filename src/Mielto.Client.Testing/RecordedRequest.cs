namespace Mielto.Client.Testing;

/// <summary>A request that a <see cref="MieltoTestServer"/> received, with the answer it gave.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The path exactly as sent, still escaped (for example <c>/api/v1/memories/a%2Fb</c>).</param>
/// <param name="RawQuery">The query exactly as sent, with its leading <c>?</c>; empty when there was none.</param>
/// <param name="Headers">The request headers; the values of <c>Authorization</c> and <c>X-API-Key</c> are masked.</param>
/// <param name="StatusCode">The status the server answered with; 0 when it broke the connection instead.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
/// <param name="Body">The request body as UTF-8 text; empty when there was none.</param>
/// <param name="Operation">The operation the request addressed; null when it matched no route.</param>
public sealed record RecordedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    int StatusCode,
    DateTimeOffset ReceivedAt,
    string Body,
    MieltoOperation? Operation);
