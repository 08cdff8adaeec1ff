using System.Globalization;
using System.Text.Json;

namespace Mielto.Client.Errors;

/// <summary>
/// What an error body says. Mielto's error bodies are FastAPI's: <c>{"detail": "...", "error_code": "..."}</c>,
/// or for a 422 <c>{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}</c>; some proxies send
/// <c>{"message": "..."}</c>, text or nothing. Anything else is tolerated: text is the detail, and other JSON
/// is left to the raw body.
/// </summary>
/// <param name="Detail">The server's <c>detail</c>, or the text of a body that is not JSON.</param>
/// <param name="ErrorCode">The server's <c>error_code</c>.</param>
/// <param name="ValidationErrors">The field errors of a 422.</param>
/// <param name="FromApplication">
/// True when the body is the API's own answer: a JSON object with an <c>error_code</c>, or with a <c>detail</c>
/// text other than <see cref="RouteNotFoundDetail"/>. False for FastAPI's answer to a path that no route matches,
/// and for an empty body or a page from a proxy.
/// </param>
internal sealed record ErrorBody(string? Detail, string? ErrorCode, IReadOnlyList<MieltoValidationError> ValidationErrors, bool FromApplication = false)
{
    /// <summary>
    /// The <c>detail</c> of FastAPI's (Starlette's) 404 for a path that no route matches: it says nothing of any
    /// resource, so it never means that a memory is missing.
    /// </summary>
    public const string RouteNotFoundDetail = "Not Found";

    private static readonly ErrorBody Empty = new(null, null, []);

    /// <summary>Reads <paramref name="text"/>; a body that is not a JSON object is all detail.</summary>
    public static ErrorBody Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Empty;
        }

        if (trimmed[0] != '{')
        {
            return new ErrorBody(trimmed, null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var errorCode = StringProperty(root, "error_code");
            if (!root.TryGetProperty("detail", out var detail))
            {
                return new ErrorBody(StringProperty(root, "message"), errorCode, [], errorCode is not null);
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => new ErrorBody(detail.GetString(), errorCode, [], errorCode is not null || !string.Equals(detail.GetString(), RouteNotFoundDetail, StringComparison.Ordinal)),
                JsonValueKind.Array => FromValidationErrors(detail, errorCode),
                _ => new ErrorBody(detail.ValueKind == JsonValueKind.Null ? StringProperty(root, "message") : detail.GetRawText(), errorCode, [], errorCode is not null),
            };
        }
        catch (JsonException)
        {
            return new ErrorBody(trimmed, null, []);
        }
    }

    private static ErrorBody FromValidationErrors(JsonElement detail, string? errorCode)
    {
        var errors = new List<MieltoValidationError>(detail.GetArrayLength());
        foreach (var item in detail.EnumerateArray())
        {
            errors.Add(item.ValueKind == JsonValueKind.Object
                ? new MieltoValidationError(Location(item), StringProperty(item, "msg") ?? string.Empty, StringProperty(item, "type") ?? string.Empty)
                : new MieltoValidationError([], Scalar(item), string.Empty));
        }

        return new ErrorBody(string.Join("; ", errors), errorCode, errors, FromApplication: true);
    }

    private static string[] Location(JsonElement item)
    {
        if (!item.TryGetProperty("loc", out var loc) || loc.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var segments = new string[loc.GetArrayLength()];
        var i = 0;
        foreach (var segment in loc.EnumerateArray())
        {
            segments[i++] = Scalar(segment);
        }

        return segments;
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Number => element.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : element.GetRawText(),
        _ => element.GetRawText(),
    };

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
