using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// How an upload went as a whole, as the API reports it in <c>status</c>. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="UploadStatus(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// UploadStatus known = UploadStatus.PartialSuccess;
/// UploadStatus other = "queued";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct UploadStatus : IEquatable<UploadStatus>, IExtensibleValue<UploadStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public UploadStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Every item was uploaded (<c>success</c>).</summary>
    public static UploadStatus Success { get; } = new("success");

    /// <summary>Some items were uploaded and some failed (<c>partial_success</c>).</summary>
    public static UploadStatus PartialSuccess { get; } = new("partial_success");

    /// <summary>No item was uploaded (<c>failed</c>).</summary>
    public static UploadStatus Failed { get; } = new("failed");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator UploadStatus(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(UploadStatus left, UploadStatus right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(UploadStatus left, UploadStatus right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(UploadStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is UploadStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>success</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static UploadStatus IExtensibleValue<UploadStatus>.FromWire(string value) => new(value);
}
