using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// Where a content (a document in a collection) is in its ingestion, as the API reports it in <c>status</c>. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="ContentStatus(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// ContentStatus known = ContentStatus.Completed;
/// ContentStatus other = "queued";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct ContentStatus : IEquatable<ContentStatus>, IExtensibleValue<ContentStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ContentStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Uploaded, not yet processed (<c>new</c>).</summary>
    public static ContentStatus New { get; } = new("new");

    /// <summary>Being read, chunked and embedded (<c>processing</c>).</summary>
    public static ContentStatus Processing { get; } = new("processing");

    /// <summary>Ingested: its chunks are searchable (<c>completed</c>).</summary>
    public static ContentStatus Completed { get; } = new("completed");

    /// <summary>Ingestion failed; the content's <c>StatusMessage</c> says why (<c>failed</c>).</summary>
    public static ContentStatus Failed { get; } = new("failed");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator ContentStatus(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(ContentStatus left, ContentStatus right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(ContentStatus left, ContentStatus right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(ContentStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ContentStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>new</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static ContentStatus IExtensibleValue<ContentStatus>.FromWire(string value) => new(value);
}
