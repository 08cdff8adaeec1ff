using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A reader given as a configuration object, as the official SDKs send it; what is not set is not sent.</summary>
public sealed record ReaderConfiguration
{
    /// <summary>The provider: <c>native</c>, <c>langchain</c>, <c>markitdown</c>, <c>docling</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>The provider's reader, such as <c>pdfplumber</c> or <c>pypdf</c>.</summary>
    [JsonPropertyName("reader")]
    public string? Reader { get; init; }

    /// <summary>Settings for the reader, as any JSON.</summary>
    [JsonPropertyName("config")]
    public IReadOnlyDictionary<string, JsonElement>? Config { get; init; }

    /// <summary>What to extract.</summary>
    [JsonPropertyName("extract")]
    public ReaderExtraction? Extract { get; init; }

    /// <summary>How to cut the text into chunks.</summary>
    [JsonPropertyName("chunk")]
    public ReaderChunking? Chunk { get; init; }
}
