using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What Mielto keeps as a user's profile.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryProfile
{
    /// <summary>The user.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The user's profile memory; null when there is none.</summary>
    [JsonPropertyName("profile")]
    public Memory? Profile { get; init; }

    /// <summary>Structured data extracted from the user's memories, any JSON; null when there is none.</summary>
    [JsonPropertyName("structured_profile")]
    public JsonElement? StructuredProfile { get; init; }
}
