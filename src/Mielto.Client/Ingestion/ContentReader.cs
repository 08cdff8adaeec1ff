using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// How Mielto reads an upload into text: a reader's name (sent as a string; the known names are the static properties,
/// and any other converts from <see cref="string"/>) or a <see cref="ReaderConfiguration"/> (sent as an object).
/// </summary>
/// <example>
/// <code>
/// ContentReader byName = ContentReader.LangChainPdfPlumber;
/// ContentReader other = "docling";
/// ContentReader configured = new ReaderConfiguration { Provider = "langchain", Reader = "pdfplumber" };
/// </code>
/// </example>
[JsonConverter(typeof(ContentReaderJsonConverter))]
public sealed class ContentReader : IEquatable<ContentReader>
{
    private ContentReader(string? name, ReaderConfiguration? configuration)
    {
        Name = name;
        Configuration = configuration;
    }

    /// <summary>The server's default: its own reader, the fastest (<c>native</c>).</summary>
    public static ContentReader Native { get; } = new("native", null);

    /// <summary>LangChain's readers (<c>langchain</c>).</summary>
    public static ContentReader LangChain { get; } = new("langchain", null);

    /// <summary>MarkItDown (<c>markitdown</c>).</summary>
    public static ContentReader MarkItDown { get; } = new("markitdown", null);

    /// <summary>LangChain with pdfplumber: better OCR and tables (<c>langchain_pdfplumber</c>).</summary>
    public static ContentReader LangChainPdfPlumber { get; } = new("langchain_pdfplumber", null);

    /// <summary>LangChain with pypdf (<c>langchain_pypdf</c>).</summary>
    public static ContentReader LangChainPyPdf { get; } = new("langchain_pypdf", null);

    /// <summary>The PDF reader (<c>pdf</c>).</summary>
    public static ContentReader Pdf { get; } = new("pdf", null);

    /// <summary>The CSV reader (<c>csv</c>).</summary>
    public static ContentReader Csv { get; } = new("csv", null);

    /// <summary>The Word reader (<c>docx</c>).</summary>
    public static ContentReader Docx { get; } = new("docx", null);

    /// <summary>The JSON reader (<c>json</c>).</summary>
    public static ContentReader Json { get; } = new("json", null);

    /// <summary>The Markdown reader (<c>markdown</c>).</summary>
    public static ContentReader Markdown { get; } = new("markdown", null);

    /// <summary>The plain-text reader (<c>text</c>).</summary>
    public static ContentReader Text { get; } = new("text", null);

    /// <summary>The reader's name, when it is given by name.</summary>
    public string? Name { get; }

    /// <summary>The reader's configuration, when it is given as one.</summary>
    public ReaderConfiguration? Configuration { get; }

    /// <summary>A reader by name.</summary>
    /// <param name="name">The name the API knows it by.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public static implicit operator ContentReader(string name) => FromName(name);

    /// <summary>A reader by configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    public static implicit operator ContentReader(ReaderConfiguration configuration) => FromConfiguration(configuration);

    /// <summary>A reader by name.</summary>
    /// <param name="name">The name the API knows it by.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public static ContentReader FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name, null);
    }

    /// <summary>A reader by configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The reader.</returns>
    public static ContentReader FromConfiguration(ReaderConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(null, configuration);
    }

    /// <summary>True when both name the same reader (ignoring case) or hold equal configurations.</summary>
    /// <param name="other">The reader to compare with.</param>
    public bool Equals(ContentReader? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase) && Equals(Configuration, other.Configuration);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ContentReader);

    /// <inheritdoc/>
    public override int GetHashCode() => Name is null ? Configuration?.GetHashCode() ?? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>The reader's name, or its provider and reader for a configuration.</summary>
    public override string ToString() => Name ?? $"{Configuration!.Provider}/{Configuration.Reader}";
}
