namespace Mielto.Client.Operations;

/// <summary>
/// What each successful response must hold, beyond being JSON of its shape: System.Text.Json enforces that
/// required members are present, these that they are not null, so that no result hands its caller a null
/// where the model promises a value.
/// </summary>
internal static class ResponseChecks
{
    public static bool IsComplete(Memory memory) => memory is { MemoryId: not null, UserId: not null, Content: not null };

    public static bool IsComplete(MemoryCreateResponse created) => created.MemoryId is not null && IsMemory(created.Memory);

    public static bool IsComplete(MemoryUpdateResponse updated) => updated.MemoryId is not null && IsMemory(updated.Memory);

    public static bool IsComplete(MemoryReplaceResponse replaced) =>
        replaced.MemoryId is not null && IsMemory(replaced.OldMemory) && IsMemory(replaced.NewMemory);

    public static bool IsComplete(MemorySearchResponse found) => AreMemories(found.Memories);

    public static bool IsComplete(MemoryListWire page) => AreMemories(page.Memories ?? page.Data);

    public static bool IsComplete(MemoryDeleteResponse deleted) => deleted.MemoryId is not null;

    public static bool IsComplete(ChunkListWire page) => page.Data is { } chunks && chunks.All(c => c is { Id: not null, Content: not null });

    public static bool IsComplete(MemoryProfile profile) => profile.UserId is not null && (profile.Profile is null || IsComplete(profile.Profile));

    public static bool IsComplete(FromMessagesWire created) => created.ToResponse() is not null;

    private static bool IsMemory(Memory? memory) => memory is not null && IsComplete(memory);

    private static bool AreMemories(IReadOnlyList<Memory>? memories)
    {
        if (memories is null)
        {
            return false;
        }

        foreach (var memory in memories)
        {
            if (!IsMemory(memory))
            {
                return false;
            }
        }

        return true;
    }
}
