using System.ComponentModel;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// The vector store behind a collection, sent and read as <c>store_type</c>; the server defaults to <c>pgvector</c>. Values the official SDKs do not list are sent as given, never refused here. An extensible value: the known values are its static properties, and any other string the API
/// sends or accepts can be used through <see cref="CollectionStoreType(string)"/> or an implicit conversion from <see cref="string"/>.
/// Values compare by their text, ignoring case.
/// </summary>
/// <example>
/// <code>
/// CollectionStoreType known = CollectionStoreType.PgVector;
/// CollectionStoreType other = "weaviate";
/// </code>
/// </example>
[JsonConverter(typeof(ExtensibleValueJsonConverter))]
public readonly struct CollectionStoreType : IEquatable<CollectionStoreType>, IExtensibleValue<CollectionStoreType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text sent to and received from the API.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CollectionStoreType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>PostgreSQL with pgvector, the server's default (<c>pgvector</c>).</summary>
    public static CollectionStoreType PgVector { get; } = new("pgvector");

    /// <summary>Pinecone (<c>pinecone</c>).</summary>
    public static CollectionStoreType Pinecone { get; } = new("pinecone");

    /// <summary>Qdrant (<c>qdrant</c>).</summary>
    public static CollectionStoreType Qdrant { get; } = new("qdrant");

    /// <summary>LangChain over pgvector (<c>langchain_pgvector</c>).</summary>
    public static CollectionStoreType LangChainPgVector { get; } = new("langchain_pgvector");

    /// <summary>Chroma, named in the docs (<c>chroma</c>).</summary>
    public static CollectionStoreType Chroma { get; } = new("chroma");

    /// <summary>Converts a string to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator CollectionStoreType(string value) => new(value);

    /// <summary>True when both values have the same text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(CollectionStoreType left, CollectionStoreType right) => left.Equals(right);

    /// <summary>True when the values have different text, ignoring case.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(CollectionStoreType left, CollectionStoreType right) => !left.Equals(right);

    /// <summary>True when <paramref name="other"/> has the same text, ignoring case.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(CollectionStoreType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CollectionStoreType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire text, such as <c>pgvector</c>; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    static CollectionStoreType IExtensibleValue<CollectionStoreType>.FromWire(string value) => new(value);
}
