using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// The state of a collection, as the API reports it in <c>status</c>. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="CollectionStatus(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// CollectionStatus known = CollectionStatus.Active;
/// CollectionStatus other = "paused";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct CollectionStatus : IEquatable<CollectionStatus>, IExtensibleValue<CollectionStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CollectionStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>In use (<c>active</c>).</summary>
    public static CollectionStatus Active { get; } = new("active");

    /// <summary>Not in use (<c>inactive</c>).</summary>
    public static CollectionStatus Inactive { get; } = new("inactive");

    /// <summary>Archived (<c>archived</c>).</summary>
    public static CollectionStatus Archived { get; } = new("archived");

    /// <summary>Being deleted, after a delete was accepted (<c>deleting</c>).</summary>
    public static CollectionStatus Deleting { get; } = new("deleting");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator CollectionStatus(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(CollectionStatus left, CollectionStatus right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(CollectionStatus left, CollectionStatus right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(CollectionStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CollectionStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>active</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static CollectionStatus IExtensibleValue<CollectionStatus>.FromWire(string value) => new(value);
}
