using System.Diagnostics.CodeAnalysis;

namespace Mielto.Client;

/// <summary>What Mielto made of a conversation.</summary>
/// <remarks>
/// Not in Mielto's published API reference: the shape is taken from the official SDKs, whose own code reads
/// <c>result</c> as an object (<c>memories_created</c>, <c>memory_ids</c>), as an array of memories, or absent;
/// all three are read.
/// </remarks>
[Experimental(MieltoDiagnostics.Experimental)]
public sealed record MemoryFromMessagesResponse
{
    /// <summary>The server's message; empty when it sent none.</summary>
    public required string Message { get; init; }

    /// <summary>How many memories were created; 0 when the server said nothing of them.</summary>
    public required int MemoriesCreated { get; init; }

    /// <summary>The ids of the memories created, as far as the server listed them.</summary>
    public required IReadOnlyList<string> MemoryIds { get; init; }
}
