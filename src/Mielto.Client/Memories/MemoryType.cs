using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// The kind of a memory, sent as <c>memory_type</c>. An extensible value: the known values are its static properties, and any other
/// string the API accepts can be used through <see cref="MemoryType(string)"/> or an implicit conversion from
/// <see cref="string"/>. Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// MemoryType known = MemoryType.Agent;
/// MemoryType other = "session";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct MemoryType : IEquatable<MemoryType>, IExtensibleValue<MemoryType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MemoryType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A memory about a user, the server's default (<c>user</c>).</summary>
    public static MemoryType User { get; } = new("user");

    /// <summary>A memory of an agent (<c>agent</c>).</summary>
    public static MemoryType Agent { get; } = new("agent");

    /// <summary>A memory shared by a team (<c>team</c>).</summary>
    public static MemoryType Team { get; } = new("team");

    /// <summary>A memory of a workflow (<c>workflow</c>).</summary>
    public static MemoryType Workflow { get; } = new("workflow");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator MemoryType(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(MemoryType left, MemoryType right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(MemoryType left, MemoryType right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(MemoryType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MemoryType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>user</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static MemoryType IExtensibleValue<MemoryType>.FromWire(string value) => new(value);
}
