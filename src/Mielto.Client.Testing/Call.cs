using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>One authenticated request to an operation, with what the rules share.</summary>
/// <param name="Context">The request.</param>
/// <param name="WorkspaceId">The workspace it acts in.</param>
/// <param name="MemoryId">The memory it addresses; null for an operation on the collection.</param>
/// <param name="Problems">Its input errors so far.</param>
internal sealed record Call(HttpContext Context, string WorkspaceId, string MemoryId, Problems Problems)
{
    /// <summary>The <c>user_id</c> query value; null when absent.</summary>
    public string? QueryUserId() => Context.Request.Query.TryGetValue("user_id", out var values) ? values.ToString() : null;

    /// <summary>True when the memory id or <paramref name="userId"/> is too long, or an earlier input error was found: answer <see cref="InvalidAsync"/>.</summary>
    public bool IsInvalid(string? userId, string[]? userLocation = null)
    {
        Problems.TooLong(MemoryId, ["path", "memory_id"]);
        Problems.TooLong(userId, userLocation ?? ["query", "user_id"]);
        return Problems.Any;
    }

    /// <summary>Answers 422 with the input errors found.</summary>
    public Task InvalidAsync() => Answers.ValidationAsync(Context, Problems);

    public Task MemoryNotFoundAsync() => Answers.DetailAsync(Context, StatusCodes.Status404NotFound, "Memory not found");

    public Task NotOwnerAsync(string verb) => Answers.DetailAsync(Context, StatusCodes.Status403Forbidden, $"Only the memory owner can {verb} this memory");
}
