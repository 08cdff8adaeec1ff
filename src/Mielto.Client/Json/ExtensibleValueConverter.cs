using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Json;

/// <summary>Reads and writes an extensible string value as its JSON string; a JSON <c>null</c> reads as the default.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ExtensibleValueConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => default,
        JsonTokenType.String => T.FromWire(reader.GetString()!),
        _ => throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
