namespace Mielto.Client.Testing;

/// <summary>The input errors of one request, in FastAPI's <c>HTTPValidationError</c> terms (Pydantic's types and messages).</summary>
internal sealed class Problems
{
    private readonly List<(string[] Location, string Message, string Type)> _errors = [];

    public IReadOnlyList<(string[] Location, string Message, string Type)> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string[] location, string message, string type) => _errors.Add((location, message, type));

    public void Missing(string[] location) => Add(location, "Field required", "missing");

    /// <summary>Refuses text over the stand-in's limit (our choice: the docs give none), to have a validation error to test.</summary>
    public void TooLong(string? value, string[] location)
    {
        if (value?.Length > MemoryApi.MaxIdLength)
        {
            Add(location, $"String should have at most {MemoryApi.MaxIdLength} characters", "string_too_long");
        }
    }

    public void Range(int value, int min, int max, string[] location)
    {
        if (value < min)
        {
            Add(location, $"Input should be greater than or equal to {min}", "greater_than_equal");
        }
        else if (value > max)
        {
            Add(location, $"Input should be less than or equal to {max}", "less_than_equal");
        }
    }
}
