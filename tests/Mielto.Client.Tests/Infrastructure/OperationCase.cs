namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// One operation of <see cref="IMemoriesClient"/>, called with valid arguments, with what it sends and the body of
/// a success: for tests that must hold for every operation alike.
/// </summary>
public sealed record OperationCase(
    string Name,
    string Method,
    string Path,
    string Call,
    bool OnMemory,
    string SuccessBody,
    Func<IMemoriesClient, string?, CancellationToken, Task<object?>> Send)
{
    /// <summary>A memory as the docs show it, with a naive timestamp as FastAPI writes one.</summary>
    public const string MemoryJson = """{"memory_id":"mem_1","user_id":"user_1","memory":"likes tea","topics":["drinks"],"created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:06.123456","metadata":{"source":"chat"}}""";

    public static readonly IReadOnlyList<OperationCase> All =
    [
        new("create", "POST", "/api/v1/memories", "CREATE memory", false,
            $$"""{"memory_id":"mem_1","message":"Memory created successfully","memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea" }, w, ct)),
        new("get", "GET", "/api/v1/memories/mem_1", "GET memory 'mem_1'", true, MemoryJson,
            async (c, w, ct) => await c.GetAsync("mem_1", workspaceId: w, cancellationToken: ct)),
        new("list", "GET", "/api/v1/memories", "LIST memories", false,
            $$"""{"memories":[{{MemoryJson}}],"total_count":1,"next_cursor":null,"has_more":false}""",
            async (c, w, ct) => await c.ListAsync(workspaceId: w, cancellationToken: ct)),
        new("search", "POST", "/api/v1/memories/search", "SEARCH memories", false,
            $$"""{"memories":[{{MemoryJson}}],"total_results":1,"query":"tea","retrieval_method":"agentic"}""",
            async (c, w, ct) => await c.SearchAsync(new MemorySearchRequest { Query = "tea" }, w, ct)),
        new("update", "PUT", "/api/v1/memories/mem_1", "UPDATE memory 'mem_1'", true,
            $$"""{"memory_id":"mem_1","message":"Memory updated successfully","memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.UpdateAsync("mem_1", new MemoryUpdateRequest { Content = "likes tea" }, w, ct)),
        new("replace", "POST", "/api/v1/memories/mem_1/replace", "REPLACE memory 'mem_1'", true,
            $$"""{"memory_id":"mem_1","message":"Memory replaced successfully","old_memory":{{MemoryJson}},"new_memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = "likes tea" }, w, ct)),
        new("delete", "DELETE", "/api/v1/memories/mem_1", "DELETE memory 'mem_1'", true,
            """{"memory_id":"mem_1","message":"Memory deleted successfully"}""",
            async (c, w, ct) => await c.DeleteAsync("mem_1", workspaceId: w, cancellationToken: ct)),
        new("create_from_messages", "POST", "/api/v1/memories/from_messages", "CREATE memories from messages", false,
            """{"message":"Memories created successfully from messages","result":{"memories_created":1,"memory_ids":["mem_1"]}}""",
            async (c, w, ct) => await c.CreateFromMessagesAsync(new MemoryFromMessagesRequest { UserId = "user_1", Messages = [new MemoryMessage { Role = "user", Content = "likes tea" }] }, w, ct)),
        new("list_chunks", "GET", "/api/v1/memories/chunks", "LIST memory chunks", false,
            """{"data":[{"id":"chunk_1","content":"likes tea","content_id":"mem_1","embedding":[0.5,-0.25]}],"total_count":1,"next_cursor":null,"has_more":false}""",
            async (c, w, ct) => await c.ListChunksAsync(new MemoryChunkListOptions(), w, ct)),
        new("get_profile", "GET", "/api/v1/memories/profile?user_id=user_1", "GET memory profile", false,
            $$$"""{"user_id":"user_1","profile":{{{MemoryJson}}},"structured_profile":{"likes":["tea"]}}""",
            async (c, w, ct) => await c.GetProfileAsync("user_1", w, ct)),
    ];

    /// <summary>The operations that are not idempotent: retried only when the server cannot have processed them.</summary>
    public static readonly IReadOnlySet<string> NotIdempotent = new HashSet<string>(["create", "create_from_messages"], StringComparer.Ordinal);

    /// <summary>Calls the operation with valid arguments.</summary>
    public Task<object?> Invoke(IMemoriesClient client, string? workspaceId) => Send(client, workspaceId, CancellationToken.None);

    public static TheoryData<string> Names => [.. All.Select(o => o.Name)];

    public static OperationCase Named(string name) => All.Single(o => o.Name == name);

    public override string ToString() => Name;
}
