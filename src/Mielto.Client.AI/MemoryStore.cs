namespace Mielto.Client.AI;

/// <summary>One store to send: what the user said (and, for <see cref="MieltoMemoryStorage.FromMessages"/>, the answer), for one user.</summary>
/// <param name="Storage">How to store it.</param>
/// <param name="UserId">The user, bound in code.</param>
/// <param name="WorkspaceId">The workspace, or null for the client's.</param>
/// <param name="UserText">What the user said.</param>
/// <param name="AnswerText">The answer, stored only with <see cref="MieltoMemoryStorage.FromMessages"/>; empty for none.</param>
internal sealed record MemoryStore(MieltoMemoryStorage Storage, string UserId, string? WorkspaceId, string UserText, string AnswerText)
{
    /// <summary>What makes two stores the same one: the same user, workspace, kind and text.</summary>
    public (MieltoMemoryStorage, string, string?, string, string) Key => (Storage, UserId, WorkspaceId, UserText, AnswerText);

    /// <summary>Sends it.</summary>
    public Task SendAsync(IMemoriesClient memories, CancellationToken cancellationToken) => Storage switch
    {
        MieltoMemoryStorage.FromMessages => memories.CreateFromMessagesAsync(
            new MemoryFromMessagesRequest
            {
                UserId = UserId,
                Messages = AnswerText.Length == 0
                    ? [new() { Role = "user", Content = UserText }]
                    : [new() { Role = "user", Content = UserText }, new() { Role = "assistant", Content = AnswerText }],
            },
            WorkspaceId,
            cancellationToken),
        _ => memories.CreateAsync(new MemoryCreateRequest { UserId = UserId, Content = UserText }, WorkspaceId, cancellationToken),
    };
}
