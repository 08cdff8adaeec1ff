using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Json;

/// <summary>
/// Reads an embedding (a JSON array of numbers) straight into the <c>float[]</c> behind a
/// <see cref="ReadOnlyMemory{T}"/>: through a pooled buffer, with no list of boxed or double values in between.
/// </summary>
internal sealed class EmbeddingConverter : JsonConverter<ReadOnlyMemory<float>>
{
    /// <summary>Room for the common embedding sizes (1,536 among them) before the buffer has to grow.</summary>
    private const int InitialLength = 2048;

    public override ReadOnlyMemory<float> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of numbers for an embedding, found {reader.TokenType}.");
        }

        var buffer = ArrayPool<float>.Shared.Rent(InitialLength);
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<float>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    ArrayPool<float>.Shared.Return(buffer);
                    buffer = larger;
                }

                buffer[count++] = reader.GetSingle();
            }

            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<float> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var component in value.Span)
        {
            writer.WriteNumberValue(component);
        }

        writer.WriteEndArray();
    }
}
