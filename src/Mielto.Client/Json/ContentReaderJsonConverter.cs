using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mielto.Client.Json;

/// <summary>Writes a <see cref="ContentReader"/> as the API takes it: its name as a string, or its configuration as an object; and reads either back.</summary>
internal sealed class ContentReaderJsonConverter : JsonConverter<ContentReader>
{
    public override ContentReader? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => ContentReader.FromName(reader.GetString()!),
        JsonTokenType.StartObject => ContentReader.FromConfiguration(JsonSerializer.Deserialize(ref reader, Configuration(options))!),
        _ => throw new JsonException($"Expected a reader's name or configuration, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, ContentReader value, JsonSerializerOptions options)
    {
        if (value.Name is { } name)
        {
            writer.WriteStringValue(name);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Configuration!, Configuration(options));
        }
    }

    private static JsonTypeInfo<ReaderConfiguration> Configuration(JsonSerializerOptions options) =>
        (JsonTypeInfo<ReaderConfiguration>)options.GetTypeInfo(typeof(ReaderConfiguration));
}
