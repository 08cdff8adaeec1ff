using Microsoft.Extensions.AI;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// One operation of the SDK, of any resource, called with valid arguments, with what it sends and the body of a
/// success: for tests that must hold for every operation alike. A memory operation's name is bare (<c>get</c>);
/// another resource's carries it (<c>collections.get</c>).
/// </summary>
public sealed record OperationCase(
    string Name,
    string Method,
    string Path,
    string Call,
    bool OnOne,
    string SuccessBody,
    Func<MieltoClient, string?, CancellationToken, Task<object?>> Send)
{
    /// <summary>A collection as the docs show it.</summary>
    public const string ContentJson = """{"id":"con_1","name":"guide.pdf","type":"application/pdf","size":1024,"status":"completed","collection_id":"col_1","created_at":1705312800,"updated_at":1705312801}""";

    public const string CollectionJson = """{"id":"col_1","name":"Docs","status":"active","visibility":"private","workspace_id":"wsp_1","created_at":"2024-01-15T10:00:00Z"}""";

    /// <summary>A memory as the docs show it, with a naive timestamp as FastAPI writes one.</summary>
    public const string MemoryJson = """{"memory_id":"mem_1","user_id":"user_1","memory":"likes tea","topics":["drinks"],"created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:06.123456","metadata":{"source":"chat"}}""";

    public static readonly IReadOnlyList<OperationCase> All =
    [
        new("create", "POST", "/api/v1/memories", "CREATE memory", false,
            $$"""{"memory_id":"mem_1","message":"Memory created successfully","memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.Memories.CreateAsync(new MemoryCreateRequest { UserId = "user_1", Content = "likes tea" }, w, ct)),
        new("get", "GET", "/api/v1/memories/mem_1", "GET memory 'mem_1'", true, MemoryJson,
            async (c, w, ct) => await c.Memories.GetAsync("mem_1", workspaceId: w, cancellationToken: ct)),
        new("list", "GET", "/api/v1/memories", "LIST memories", false,
            $$"""{"memories":[{{MemoryJson}}],"total_count":1,"next_cursor":null,"has_more":false}""",
            async (c, w, ct) => await c.Memories.ListAsync(workspaceId: w, cancellationToken: ct)),
        new("search", "POST", "/api/v1/memories/search", "SEARCH memories", false,
            $$"""{"memories":[{{MemoryJson}}],"total_results":1,"query":"tea","retrieval_method":"agentic"}""",
            async (c, w, ct) => await c.Memories.SearchAsync(new MemorySearchRequest { Query = "tea" }, w, ct)),
        new("update", "PUT", "/api/v1/memories/mem_1", "UPDATE memory 'mem_1'", true,
            $$"""{"memory_id":"mem_1","message":"Memory updated successfully","memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.Memories.UpdateAsync("mem_1", new MemoryUpdateRequest { Content = "likes tea" }, w, ct)),
        new("replace", "POST", "/api/v1/memories/mem_1/replace", "REPLACE memory 'mem_1'", true,
            $$"""{"memory_id":"mem_1","message":"Memory replaced successfully","old_memory":{{MemoryJson}},"new_memory":{{MemoryJson}}}""",
            async (c, w, ct) => await c.Memories.ReplaceAsync("mem_1", new MemoryReplaceRequest { Content = "likes tea" }, w, ct)),
        new("delete", "DELETE", "/api/v1/memories/mem_1", "DELETE memory 'mem_1'", true,
            """{"memory_id":"mem_1","message":"Memory deleted successfully"}""",
            async (c, w, ct) => await c.Memories.DeleteAsync("mem_1", workspaceId: w, cancellationToken: ct)),
        new("create_from_messages", "POST", "/api/v1/memories/from_messages", "CREATE memories from messages", false,
            """{"message":"Memories created successfully from messages","result":{"memories_created":1,"memory_ids":["mem_1"]}}""",
            async (c, w, ct) => await c.Memories.CreateFromMessagesAsync(new MemoryFromMessagesRequest { UserId = "user_1", Messages = [new MemoryMessage { Role = "user", Content = "likes tea" }] }, w, ct)),
        new("list_chunks", "GET", "/api/v1/memories/chunks", "LIST memory chunks", false,
            """{"data":[{"id":"chunk_1","content":"likes tea","content_id":"mem_1","embedding":[0.5,-0.25]}],"total_count":1,"next_cursor":null,"has_more":false}""",
            async (c, w, ct) => await c.Memories.ListChunksAsync(new MemoryChunkListOptions(), w, ct)),
        new("get_profile", "GET", "/api/v1/memories/profile?user_id=user_1", "GET memory profile", false,
            $$$"""{"user_id":"user_1","profile":{{{MemoryJson}}},"structured_profile":{"likes":["tea"]}}""",
            async (c, w, ct) => await c.Memories.GetProfileAsync("user_1", w, ct)),
        new("collections.create", "POST", "/api/v1/collections", "CREATE collection", false, CollectionJson,
            async (c, w, ct) => await c.Collections.CreateAsync(new CollectionCreateRequest { Name = "Docs" }, w, ct)),
        new("collections.get", "GET", "/api/v1/collections/col_1", "GET collection 'col_1'", true, CollectionJson,
            async (c, w, ct) => await c.Collections.GetAsync("col_1", w, ct)),
        new("collections.list", "GET", "/api/v1/collections?skip=0", "LIST collections", false, $$"""{"data":[{{CollectionJson}}],"total_count":1}""",
            async (c, w, ct) => await c.Collections.ListAsync(workspaceId: w, cancellationToken: ct)),
        new("collections.update", "PUT", "/api/v1/collections/col_1", "UPDATE collection 'col_1'", true, CollectionJson,
            async (c, w, ct) => await c.Collections.UpdateAsync("col_1", new CollectionUpdateRequest { Name = "Docs" }, w, ct)),
        new("collections.delete", "DELETE", "/api/v1/collections/col_1", "DELETE collection 'col_1'", true, """{"collection_id":"col_1","status":"deleting","job_id":"job_1"}""",
            async (c, w, ct) => await c.Collections.DeleteAsync("col_1", w, ct)),
        new("collections.search", "POST", "/api/v1/collections/search", "SEARCH collection 'col_1'", true,
            """{"results":[{"content":"Green tea","score":0.9}],"total_results":1,"query":"tea","search_type":"hybrid","collection_id":"col_1"}""",
            async (c, w, ct) => await c.Collections.SearchAsync(new CollectionSearchRequest { Query = "tea", CollectionId = "col_1" }, w, ct)),
        new("contents.list", "GET", "/api/v1/contents?skip=0", "LIST contents", false, $$"""{"data":[{{ContentJson}}],"total_count":1}""",
            async (c, w, ct) => await c.Contents.ListAsync(workspaceId: w, cancellationToken: ct)),
        new("contents.get", "GET", "/api/v1/contents/con_1", "GET content 'con_1'", true, ContentJson,
            async (c, w, ct) => await c.Contents.GetAsync("con_1", w, ct)),
        new("contents.update", "PATCH", "/api/v1/contents/con_1", "UPDATE content 'con_1'", true, ContentJson,
            async (c, w, ct) => await c.Contents.UpdateAsync("con_1", new ContentUpdateRequest { Name = "guide.pdf" }, w, ct)),
        new("contents.delete", "DELETE", "/api/v1/contents/con_1", "DELETE content 'con_1'", true, "",
            async (c, w, ct) =>
            {
                await c.Contents.DeleteAsync("con_1", w, ct);
                return "deleted con_1";
            }),
        new("contents.delete_many", "POST", "/api/v1/contents/bulk/delete", "DELETE contents", false,
            """{"deleted":1,"failed":1,"deleted_ids":["con_1"],"failed_ids":["con_2"],"errors":{"con_2":"Content not found"}}""",
            async (c, w, ct) => await c.Contents.DeleteManyAsync(["con_1", "con_2"], w, ct)),
        new("chunks.list", "GET", "/api/v1/chunks?collection_id=col_1", "LIST chunks", false,
            """{"data":[{"id":"chunk_1","content_id":"con_1","collection_id":"col_1","content":"Green tea","chunk_index":0,"size":9,"created_at":1705312800}],"total_count":1,"next_cursor":null,"has_more":false}""",
            async (c, w, ct) => await c.Contents.ListChunksAsync(new ChunkListOptions { CollectionId = "col_1" }, w, ct)),
        new("collections.upload", "POST", "/api/v1/upload", "UPLOAD to collection 'col_1'", true,
            """{"status":"success","contents":[{"id":"con_1","name":"notes","content_type":"text","status":"processing"}],"total_uploads":1,"successful_uploads":1,"failed_uploads":0}""",
            async (c, w, ct) => await c.Collections.UploadTextAsync("col_1", "Green tea is brewed at 80 degrees.", new UploadOptions { Label = "notes" }, w, ct)),
        new("contents.create_chunks", "POST", "/api/v1/chunks/create", "INGEST content 'con_1'", true,
            """{"status":"success","message":"Chunk creation started","content_ids_processed":["con_1"],"content_ids_failed":[],"total_chunks_created":3}""",
            async (c, w, ct) => await c.Collections.CreateChunksAsync("con_1", workspaceId: w, cancellationToken: ct)),
        new("compress.run", "POST", "/api/v1/compress", "COMPRESS content", false,
            """{"status":"success","content":"col_1 green tea 80 degrees","compression_time":1.5,"original_length":52,"compressed_length":26}""",
            async (c, w, ct) => await c.Compress.CompressAsync(new CompressRequest { Text = "Green tea is brewed at 80 degrees." }, workspaceId: w, cancellationToken: ct)),
        new("chat.complete", "POST", "/api/v1/chat/completions", "CHAT completion", false,
            """{"id":"chatcmpl-1","object":"chat.completion","created":1677652288,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"col_1 says: green tea, at 80 degrees."},"finish_reason":"stop"}]}""",
            async (c, w, ct) => await c.GetChatClient("gpt-4o").GetResponseAsync("Which tea?", string.IsNullOrEmpty(w) ? null : new ChatOptions().WithMieltoWorkspace(w), ct)),
    ];

    /// <summary>The operations that are not idempotent: retried only when the server cannot have processed them.</summary>
    public static readonly IReadOnlySet<string> NotIdempotent = new HashSet<string>(["create", "create_from_messages", "collections.create", "collections.upload", "contents.create_chunks", "compress.run", "chat.complete"], StringComparer.Ordinal);

    /// <summary>Its resource: <c>memories</c> or <c>collections</c>.</summary>
    public string Resource => Name.Contains('.', StringComparison.Ordinal) ? Name[..Name.IndexOf('.', StringComparison.Ordinal)] : "memories";

    /// <summary>Its name in telemetry: <c>memories.get</c>.</summary>
    public string Telemetry => Name.Contains('.', StringComparison.Ordinal) ? Name : "memories." + Name;

    /// <summary>The path of one of its resource, which a route 404 names: <c>/api/v1/memories/</c>.</summary>
    public string Prefix => Path.StartsWith($"/api/v1/{Resource}/", StringComparison.Ordinal) ? $"/api/v1/{Resource}/" : Path.Split('?')[0];

    /// <summary>The span tag of the id it addresses, and that id.</summary>
    public (string Tag, string Id) IdTag => Resource switch
    {
        "memories" => ("mielto.memory.id", "mem_1"),
        "contents" => ("mielto.content.id", "con_1"),
        "chunks" => ("mielto.chunk.id", "chunk_1"),
        _ => ("mielto.collection.id", "col_1"),
    };

    /// <summary>The exception of the API's own 404 about what it addresses.</summary>
    public Type NotFound => Resource == "memories" ? typeof(MemoryNotFoundException) : typeof(MieltoNotFoundException);

    /// <summary>The exception of a 422.</summary>
    public Type Invalid => Resource == "memories" ? typeof(MemoryValidationException) : typeof(MieltoValidationException);

    /// <summary>Calls the operation with valid arguments.</summary>
    public Task<object?> Invoke(MieltoClient client, string? workspaceId) => Send(client, workspaceId, CancellationToken.None);

    public static TheoryData<string> Names => [.. All.Select(o => o.Name)];

    public static OperationCase Named(string name) => All.Single(o => o.Name == name);

    public override string ToString() => Name;
}
