using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A conversation for Mielto to extract a user's memories from. Fields left null are not sent.</summary>
/// <remarks>Not in Mielto's published API reference: the shape is taken from the official SDKs.</remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryFromMessagesRequest
{
    /// <summary>The messages. Required.</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<MemoryMessage> Messages { get; init; }

    /// <summary>The user the memories are about. Required.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The agent of the conversation.</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>The team of the conversation.</summary>
    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }
}
