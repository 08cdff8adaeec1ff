namespace Mielto.Client;

/// <summary>How <see cref="IMemoriesClient.DeleteAllForUserAsync"/> erases a user's memories.</summary>
public sealed record MemoryEraseOptions
{
    /// <summary>The workspace, sent as <c>X-Workspace-Id</c>; null or empty uses <see cref="MieltoClientOptions.WorkspaceId"/>.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>
    /// The most deletes in flight at once, from 1 to 64; 4 by default. Under rate limiting the erasure goes slower
    /// than this on its own, and comes back up as the limit allows.
    /// </summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Told how the erasure goes: at least once a second while it runs, and once at the end; never from two threads
    /// at once, and never with a count lower than before.
    /// </summary>
    public IProgress<MemoryEraseProgress>? Progress { get; init; }
}
