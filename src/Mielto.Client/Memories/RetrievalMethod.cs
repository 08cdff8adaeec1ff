using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// How a search finds memories, sent as <c>retrieval_method</c>. An extensible value: the known values are its static properties, and any other
/// string the API accepts can be used through <see cref="RetrievalMethod(string)"/> or an implicit conversion from
/// <see cref="string"/>. Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// RetrievalMethod known = RetrievalMethod.LastN;
/// RetrievalMethod other = "my_method";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct RetrievalMethod : IEquatable<RetrievalMethod>, IExtensibleValue<RetrievalMethod>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RetrievalMethod(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>AI semantic search, the server's default (<c>agentic</c>).</summary>
    public static RetrievalMethod Agentic { get; } = new("agentic");

    /// <summary>Agentic search over vectors (<c>agentic_vector</c>).</summary>
    public static RetrievalMethod AgenticVector { get; } = new("agentic_vector");

    /// <summary>Agentic search, hybrid of vector and keyword (<c>agentic_hybrid</c>).</summary>
    public static RetrievalMethod AgenticHybrid { get; } = new("agentic_hybrid");

    /// <summary>Agentic search over keywords (<c>agentic_keyword</c>).</summary>
    public static RetrievalMethod AgenticKeyword { get; } = new("agentic_keyword");

    /// <summary>Vector similarity (<c>vector</c>).</summary>
    public static RetrievalMethod Vector { get; } = new("vector");

    /// <summary>Vector and keyword combined (<c>hybrid</c>).</summary>
    public static RetrievalMethod Hybrid { get; } = new("hybrid");

    /// <summary>Keyword match (<c>keyword</c>).</summary>
    public static RetrievalMethod Keyword { get; } = new("keyword");

    /// <summary>The most recent memories (<c>last_n</c>).</summary>
    public static RetrievalMethod LastN { get; } = new("last_n");

    /// <summary>The oldest memories (<c>first_n</c>).</summary>
    public static RetrievalMethod FirstN { get; } = new("first_n");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator RetrievalMethod(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(RetrievalMethod left, RetrievalMethod right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(RetrievalMethod left, RetrievalMethod right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(RetrievalMethod other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RetrievalMethod other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>agentic</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static RetrievalMethod IExtensibleValue<RetrievalMethod>.FromWire(string value) => new(value);
}
