namespace Mielto.Client;

/// <summary>One error from a 422 response (FastAPI's <c>ValidationError</c>).</summary>
/// <param name="Location">Where the error is, such as <c>["path", "memory_id"]</c>; integer segments appear as their digits.</param>
/// <param name="Message">The server's message (<c>msg</c>).</param>
/// <param name="Type">The error type, such as <c>missing</c> or <c>string_too_short</c>.</param>
public sealed record MieltoValidationError(IReadOnlyList<string> Location, string Message, string Type)
{
    /// <summary>Returns the location joined with dots and the message, such as <c>query.user_id: Field required</c>.</summary>
    public override string ToString() => Location.Count == 0 ? Message : $"{string.Join('.', Location)}: {Message}";
}
