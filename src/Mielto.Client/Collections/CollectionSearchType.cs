using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// How a collection search finds chunks, sent as <c>search_type</c>; the server defaults to hybrid. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="CollectionSearchType(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// CollectionSearchType known = CollectionSearchType.Hybrid;
/// CollectionSearchType other = "fulltext";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct CollectionSearchType : IEquatable<CollectionSearchType>, IExtensibleValue<CollectionSearchType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CollectionSearchType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Vector and keyword combined, the server's default (<c>hybrid</c>).</summary>
    public static CollectionSearchType Hybrid { get; } = new("hybrid");

    /// <summary>Vector similarity (<c>vector</c>).</summary>
    public static CollectionSearchType Vector { get; } = new("vector");

    /// <summary>Keyword match (<c>keyword</c>).</summary>
    public static CollectionSearchType Keyword { get; } = new("keyword");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator CollectionSearchType(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(CollectionSearchType left, CollectionSearchType right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(CollectionSearchType left, CollectionSearchType right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(CollectionSearchType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CollectionSearchType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>hybrid</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static CollectionSearchType IExtensibleValue<CollectionSearchType>.FromWire(string value) => new(value);
}
