using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mielto.Client.Http;

namespace Mielto.Client.Operations;

/// <summary>The body of <c>POST /api/v1/compress</c>: <c>content</c> a string or an array of messages, and the options both official SDKs always send.</summary>
internal sealed record CompressWire
{
    private static readonly Dictionary<string, JsonElement> EmptyFields = new(StringComparer.Ordinal);

    [JsonPropertyName("content")]
    public required JsonElement Content { get; init; }

    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }

    [JsonPropertyName("include_metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool IncludeMetadata { get; init; }

    [JsonPropertyName("webhook_url")]
    public string? WebhookUrl { get; init; }

    /// <summary>The body of <paramref name="request"/>, checked: exactly one of a text and messages, nothing that cannot be sent.</summary>
    public static CompressWire From(CompressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Text is null) == (request.Messages is null))
        {
            throw new ArgumentException($"Give {nameof(CompressRequest)}.{nameof(CompressRequest.Text)} or {nameof(CompressRequest.Messages)}, not both and not neither; nothing was sent.", nameof(request));
        }

        var problem = request switch
        {
            { Text: { } text } when string.IsNullOrWhiteSpace(text) => "The text to compress is blank",
            { Messages.Count: 0 } => "There are no messages to compress",
            { Messages: { } messages } when messages.Contains(null!) => "A message to compress is null",
            _ when string.IsNullOrWhiteSpace(request.Strategy) => "The compression strategy is blank",
            { WebhookUrl: { } hook } when !hook.IsAbsoluteUri || hook.Scheme is not ("http" or "https") => "The webhook must be an absolute http or https address",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"{problem}; nothing was sent.", nameof(request));
        }

        foreach (var text in request.Messages?.Select(static m => m.Message) ?? [request.Text!])
        {
            Arguments.ValidateText(text, nameof(request));
        }

        return new CompressWire
        {
            Content = request.Text is { } value
                ? JsonSerializer.SerializeToElement(value, MieltoJsonContext.Wire.String)
                : Messages(request.Messages!),
            Strategy = request.Strategy,
            IncludeMetadata = request.IncludeMetadata,
            WebhookUrl = request.WebhookUrl?.AbsoluteUri,
        };
    }

    /// <summary>The messages as the API takes them: each one's own fields, then any other field it carries.</summary>
    private static JsonElement Messages(IReadOnlyList<CompressMessage> messages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MieltoJsonContext.Wire.Options.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                using var fields = JsonSerializer.SerializeToDocument(message, MieltoJsonContext.Wire.CompressMessage);
                writer.WriteStartObject();
                foreach (var field in fields.RootElement.EnumerateObject())
                {
                    field.WriteTo(writer);
                }

                foreach (var (name, value) in message.AdditionalProperties ?? EmptyFields)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return JsonSerializer.Deserialize(buffer.WrittenSpan, MieltoJsonContext.Wire.JsonElement);
    }
}
