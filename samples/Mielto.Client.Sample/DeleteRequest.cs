namespace Mielto.Client.Sample;

/// <summary>The options of one <c>delete</c> run.</summary>
internal sealed record DeleteRequest(IReadOnlyList<string> MemoryIds, string? UserId, string? WorkspaceId, bool IfExists, int Parallelism, bool Json);
