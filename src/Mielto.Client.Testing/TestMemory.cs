namespace Mielto.Client.Testing;

/// <summary>A memory held by a <see cref="MieltoTestServer"/>.</summary>
/// <param name="MemoryId">The memory's id, unique within its workspace.</param>
/// <param name="UserId">The user who owns it: the only <c>user_id</c> allowed to delete it.</param>
/// <param name="WorkspaceId">The workspace it lives in; it is invisible from any other.</param>
/// <param name="Content">What the memory says.</param>
/// <param name="Topics">Its topics.</param>
/// <param name="Metadata">Its metadata.</param>
public sealed record TestMemory(
    string MemoryId,
    string UserId,
    string WorkspaceId,
    string Content,
    IReadOnlyList<string> Topics,
    IReadOnlyDictionary<string, string> Metadata);
