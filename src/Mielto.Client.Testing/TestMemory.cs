using System.Text.Json;

namespace Mielto.Client.Testing;

/// <summary>A memory held by a <see cref="MieltoTestServer"/>.</summary>
/// <param name="MemoryId">The memory's id, unique within its workspace.</param>
/// <param name="UserId">The user who owns it: the only <c>user_id</c> allowed to read, change or delete it.</param>
/// <param name="WorkspaceId">The workspace it lives in; it is invisible from any other.</param>
/// <param name="Content">What the memory says (<c>memory</c> on the wire).</param>
/// <param name="Topics">Its topics; null when it has none.</param>
/// <param name="Metadata">Its metadata, any JSON; null when it has none.</param>
/// <param name="MemoryType">Its <c>memory_type</c>, such as <c>user</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record TestMemory(
    string MemoryId,
    string UserId,
    string WorkspaceId,
    string Content,
    IReadOnlyList<string>? Topics,
    IReadOnlyDictionary<string, JsonElement>? Metadata,
    string MemoryType,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
