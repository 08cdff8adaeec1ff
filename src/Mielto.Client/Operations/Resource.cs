using System.Net;

namespace Mielto.Client.Operations;

/// <summary>
/// One kind of thing the API serves (memories, collections): how telemetry and messages name it, and the exceptions
/// its own answers become, so that nothing in the pipeline is written for one resource.
/// </summary>
internal sealed class Resource
{
    public static readonly Resource Memories = new(
        "memories",
        "memory",
        static (m, s, d, c, b, r) => new MemoryNotFoundException(m, s, d, c, b, r),
        static (m, s, e, d, c, b, r) => new MemoryValidationException(m, s, e, d, c, b, r));

    public static readonly Resource Collections = new("collections", "collection");

    public static readonly Resource Contents = new("contents", "content");

    public static readonly Resource Chunks = new("chunks", "chunk");

    public static readonly Resource Compress = new("compress", "compression");

    public static readonly Resource Chat = new("chat", "chat");

    private readonly Func<string, HttpStatusCode, string?, string?, string?, string?, MieltoNotFoundException> _notFound;
    private readonly Func<string, HttpStatusCode, IReadOnlyList<MieltoValidationError>, string?, string?, string?, string?, MieltoValidationException> _invalid;

    private Resource(
        string name,
        string one,
        Func<string, HttpStatusCode, string?, string?, string?, string?, MieltoNotFoundException>? notFound = null,
        Func<string, HttpStatusCode, IReadOnlyList<MieltoValidationError>, string?, string?, string?, string?, MieltoValidationException>? invalid = null)
    {
        Name = name;
        One = one;
        IdTag = $"mielto.{one}.id";
        _notFound = notFound ?? (static (m, s, d, c, b, r) => new MieltoNotFoundException(m, s, d, c, b, r));
        _invalid = invalid ?? (static (m, s, e, d, c, b, r) => new MieltoValidationException(m, s, e, d, c, b, r));
    }

    /// <summary>Its name in telemetry, the first part of <c>mielto.operation</c>: <c>memories</c>.</summary>
    public string Name { get; }

    /// <summary>How messages name one of it: <c>memory</c>.</summary>
    public string One { get; }

    /// <summary>The span tag of the id of one of it: <c>mielto.memory.id</c>.</summary>
    public string IdTag { get; }

    /// <summary>The exception for the API's own 404 about one of it.</summary>
    public MieltoNotFoundException NotFound(string message, HttpStatusCode status, string? detail, string? errorCode, string? body, string? requestId) =>
        _notFound(message, status, detail, errorCode, body, requestId);

    /// <summary>The exception for a 422 on one of its operations.</summary>
    public MieltoValidationException Invalid(string message, HttpStatusCode status, IReadOnlyList<MieltoValidationError> errors, string? detail, string? errorCode, string? body, string? requestId) =>
        _invalid(message, status, errors, detail, errorCode, body, requestId);
}
