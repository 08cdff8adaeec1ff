using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mielto.Client.Errors;
using Mielto.Client.Http;

namespace Mielto.Client.Operations;

/// <summary>A successful response of one operation, with its body read, for the operation to turn into its result.</summary>
internal readonly struct Reply
{
    private readonly Operation _operation;
    private readonly string _apiKey;

    public Reply(Operation operation, string? id, HttpResponseMessage response, BufferedContent body, string apiKey)
    {
        _operation = operation;
        _apiKey = apiKey;
        Id = id;
        Response = response;
        Body = body;
    }

    /// <summary>The memory the call addressed, if any.</summary>
    public string? Id { get; }

    public HttpResponseMessage Response { get; }

    public BufferedContent Body { get; }

    /// <summary>True when the server sent no body.</summary>
    public bool IsEmpty => Body.Body.IsEmpty;

    /// <summary>
    /// The body as <typeparamref name="T"/>; a body that is not that JSON, or lacks what <paramref name="isComplete"/>
    /// requires, is a <see cref="MieltoException"/> that shows what the server sent.
    /// </summary>
    public T Json<T>(JsonTypeInfo<T> type, Func<T, bool> isComplete)
        where T : class
    {
        T? result = null;
        if (!Body.Truncated)
        {
            try
            {
                result = JsonSerializer.Deserialize(Body.Body.Span, type);
            }
            catch (JsonException)
            {
                // Reported below, with what the server sent.
            }
        }

        return result is not null && isComplete(result)
            ? result
            : throw ApiErrorFactory.UnexpectedBody(_operation.Describe(Id), Response, Body, type.Type.Name, _apiKey);
    }
}
