using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>One message of a conversation to extract memories from.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryMessage
{
    /// <summary>Who said it, such as <c>user</c> or <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    /// <summary>What was said.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }
}
