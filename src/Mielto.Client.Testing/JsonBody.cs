using System.Text.Json;

namespace Mielto.Client.Testing;

/// <summary>
/// A JSON request body read field by field as Pydantic would validate it, each error recorded in
/// <see cref="Problems"/> with its location. A JSON <c>null</c> counts as absent, as Pydantic's optional fields do.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private readonly JsonDocument? _document;
    private readonly Problems _problems;

    private JsonBody(JsonDocument? document, Problems problems)
    {
        _document = document;
        _problems = problems;
    }

    /// <summary>Parses <paramref name="body"/>; one that is not a JSON object is recorded as FastAPI reports it.</summary>
    public static JsonBody Parse(byte[] body, Problems problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problems.Add(["body", (ex.BytePositionInLine ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)], "JSON decode error", "json_invalid");
            return new JsonBody(null, problems);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(["body"], "Input should be a valid dictionary or object to extract fields from", "model_attributes_type");
            document.Dispose();
            return new JsonBody(null, problems);
        }

        return new JsonBody(document, problems);
    }

    public string? String(string name, bool required = false)
    {
        if (Field(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Add(["body", name], "Input should be a valid string", "string_type");
            return null;
        }

        return value.GetString();
    }

    public List<string>? Strings(string name)
    {
        if (Field(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add(["body", name], "Input should be a valid list", "list_type");
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                _problems.Add(["body", name, index.ToString(System.Globalization.CultureInfo.InvariantCulture)], "Input should be a valid string", "string_type");
            }

            index++;
        }

        return items;
    }

    public Dictionary<string, JsonElement>? Object(string name)
    {
        if (Field(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.Add(["body", name], "Input should be a valid dictionary", "dict_type");
            return null;
        }

        // Cloned: the stored memory outlives this request's document.
        return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    public int? Int(string name)
    {
        if (Field(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            _problems.Add(["body", name], "Input should be a valid integer", "int_type");
            return null;
        }

        return number;
    }

    /// <summary>A field of any JSON kind, for a shape the typed readers do not cover; null when absent.</summary>
    public JsonElement? Raw(string name, bool required = false) => Field(name, required);

    public void Dispose() => _document?.Dispose();

    private JsonElement? Field(string name, bool required)
    {
        if (_document is null)
        {
            return null;
        }

        if (!_document.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _problems.Missing(["body", name]);
            }

            return null;
        }

        return value;
    }
}
