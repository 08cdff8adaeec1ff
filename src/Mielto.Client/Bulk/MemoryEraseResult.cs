namespace Mielto.Client;

/// <summary>What an erasure did.</summary>
public sealed record MemoryEraseResult
{
    /// <summary>The user's memories found.</summary>
    public required int Found { get; init; }

    /// <summary>Deleted by this erasure.</summary>
    public required int Deleted { get; init; }

    /// <summary>Gone before this erasure deleted them (404: deleted meanwhile by someone else).</summary>
    public required int AlreadyGone { get; init; }

    /// <summary>
    /// Memories the server listed for the user but that belong to someone else (their <c>user_id</c> differs); they
    /// were not touched, and each was logged at Warning with its id.
    /// </summary>
    public required int Skipped { get; init; }

    /// <summary>The memories whose delete failed after the SDK's retries; each was tried once, not in a loop.</summary>
    public required IReadOnlyList<MemoryEraseFailure> Failed { get; init; }

    /// <summary>True when nothing failed and the last listing found nothing of the user's left to do.</summary>
    public bool Complete => Failed.Count == 0;
}
