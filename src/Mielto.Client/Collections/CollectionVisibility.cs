using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// Who can see a collection, sent and read as <c>visibility</c>. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="CollectionVisibility(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// CollectionVisibility known = CollectionVisibility.Private;
/// CollectionVisibility other = "team";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct CollectionVisibility : IEquatable<CollectionVisibility>, IExtensibleValue<CollectionVisibility>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CollectionVisibility(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Only its workspace, the server's default (<c>private</c>).</summary>
    public static CollectionVisibility Private { get; } = new("private");

    /// <summary>Everyone (<c>public</c>).</summary>
    public static CollectionVisibility Public { get; } = new("public");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator CollectionVisibility(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(CollectionVisibility left, CollectionVisibility right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(CollectionVisibility left, CollectionVisibility right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(CollectionVisibility other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CollectionVisibility other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>private</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static CollectionVisibility IExtensibleValue<CollectionVisibility>.FromWire(string value) => new(value);
}
