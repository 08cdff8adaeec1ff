using System.Globalization;
using System.Text.Json;

namespace Mielto.Client.Errors;

/// <summary>
/// What an error body says. Mielto's error bodies are FastAPI's: <c>{"detail": "...", "error_code": "..."}</c>,
/// or for a 422 <c>{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}</c>; some proxies send
/// <c>{"message": "..."}</c>, text or nothing. Anything else is tolerated: text is the detail, and other JSON
/// is left to the raw body.
/// </summary>
internal sealed record ErrorBody(string? Detail, string? ErrorCode, IReadOnlyList<MieltoValidationError> ValidationErrors)
{
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
                return new ErrorBody(StringProperty(root, "message"), errorCode, []);
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => new ErrorBody(detail.GetString(), errorCode, []),
                JsonValueKind.Array => FromValidationErrors(detail, errorCode),
                JsonValueKind.Null => new ErrorBody(StringProperty(root, "message"), errorCode, []),
                _ => new ErrorBody(detail.GetRawText(), errorCode, []),
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

        return new ErrorBody(string.Join("; ", errors), errorCode, errors);
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
