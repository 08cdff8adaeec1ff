using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What a reader extracts (<see cref="ReaderConfiguration.Extract"/>).</summary>
public sealed record ReaderExtraction
{
    /// <summary>The strategy: <c>page</c> or <c>agentic</c>.</summary>
    [JsonPropertyName("strategy")]
    public string? Strategy { get; init; }

    /// <summary>The pages to read: numbers or ranges such as <c>2-5</c>.</summary>
    [JsonPropertyName("pages")]
    public IReadOnlyList<string>? Pages { get; init; }

    /// <summary>Instructions for an agentic extraction.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }
}
