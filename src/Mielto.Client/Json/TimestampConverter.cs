using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Json;

/// <summary>
/// Reads timestamps as FastAPI writes them: ISO 8601 with <c>Z</c>, with an offset, or with none at all (Python's
/// naive <c>datetime.isoformat()</c>, up to 6 fractional digits, or with a space for the <c>T</c>). A timestamp
/// without an offset is UTC: System.Text.Json alone would read it as the machine's local time.
/// </summary>
internal sealed class TimestampConverter : JsonConverter<DateTimeOffset>
{
    // "yyyy-MM-dd" is 10 characters: a sign after it belongs to an offset, not to the date.
    private const int DateLength = 10;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromEpoch(ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp, found {reader.TokenType}.");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length > DateLength)
        {
            var text = reader.ValueSpan;
            var hasOffset = text[^1] is (byte)'Z' or (byte)'z' || text[DateLength..].IndexOfAny((byte)'+', (byte)'-') >= 0;
            if (hasOffset ? reader.TryGetDateTimeOffset(out var value) : TryGetUtc(ref reader, out value))
            {
                return value;
            }
        }

        // The lenient path: escaped text, a space instead of the T, and the like.
        var raw = reader.GetString();
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"'{raw}' is not an ISO 8601 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>
    /// A number, as contents and chunks send their timestamps: Unix epoch seconds (fractions kept); a value past
    /// 100,000,000,000 (the year 5138 in seconds) is taken as milliseconds.
    /// </summary>
    private static DateTimeOffset FromEpoch(ref Utf8JsonReader reader)
    {
        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new JsonException("A numeric timestamp is out of range.");
        }

        var milliseconds = Math.Abs(number) >= 100_000_000_000 ? number : number * 1000;
        if (milliseconds is < -62_135_596_800_000 or > 253_402_300_799_999)
        {
            throw new JsonException($"The timestamp {number} is out of range.");
        }

        return DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(milliseconds, MidpointRounding.AwayFromZero));
    }

    private static bool TryGetUtc(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (reader.TryGetDateTime(out var naive))
        {
            value = new DateTimeOffset(DateTime.SpecifyKind(naive, DateTimeKind.Utc));
            return true;
        }

        value = default;
        return false;
    }
}
