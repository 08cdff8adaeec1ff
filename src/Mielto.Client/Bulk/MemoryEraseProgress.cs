namespace Mielto.Client;

/// <summary>How far an erasure has come.</summary>
/// <param name="Found">The user's memories found so far.</param>
/// <param name="Deleted">Deleted by this erasure.</param>
/// <param name="AlreadyGone">Gone before this erasure deleted them (404: deleted meanwhile by someone else).</param>
/// <param name="Failed">Whose delete failed, after the SDK's retries.</param>
public sealed record MemoryEraseProgress(int Found, int Deleted, int AlreadyGone, int Failed);
