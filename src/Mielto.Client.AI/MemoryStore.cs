using System.Text.Json;

namespace Mielto.Client.AI;

/// <summary>One store to send: what the user said (and, for <see cref="MieltoMemoryStorage.FromMessages"/>, the answer), for one user.</summary>
/// <param name="Storage">How to store it.</param>
/// <param name="UserId">The user, bound in code.</param>
/// <param name="WorkspaceId">The workspace, or null for the client's.</param>
/// <param name="ConversationId">The conversation, kept in a created memory's metadata as <c>conversation_id</c>; null for none.</param>
/// <param name="UserText">What the user said.</param>
/// <param name="AnswerText">The answer, stored only with <see cref="MieltoMemoryStorage.FromMessages"/>; empty for none.</param>
internal sealed record MemoryStore(MieltoMemoryStorage Storage, string UserId, string? WorkspaceId, string? ConversationId, string UserText, string AnswerText)
{
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
        _ => memories.CreateAsync(
            new MemoryCreateRequest
            {
                UserId = UserId,
                Content = UserText,
                Metadata = ConversationId is null ? null : new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["conversation_id"] = JsonSerializer.SerializeToElement(ConversationId, RecalledJson.Default.String) },
            },
            WorkspaceId,
            cancellationToken),
    };
}
