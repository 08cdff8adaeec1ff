using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// The rules the stand-in applies to a request, in FastAPI's order: route, then authentication, then
/// workspace, then input validation, then the memory itself. Each rule is listed with its source in the
/// README's "Testing your code" section.
/// </summary>
internal sealed class MemoryApi(MieltoTestServerOptions options, MemoryStore store, CollectionStore collections, ChatStreamFaults chatFaults)
{
    /// <summary>Longest memory id or user id accepted; longer input gets a 422 (our choice: the docs give no limit).</summary>
    public const int MaxIdLength = 256;

    private readonly HashSet<string> _workspaces = new([options.DefaultWorkspaceId, .. options.AdditionalWorkspaceIds], StringComparer.Ordinal);
    private readonly MemorySearch _search = new(store);
    private readonly SdkOnlyOperations _sdkOnly = new(options, store);
    private readonly CollectionApi _collections = new(options, collections);
    private readonly ContentApi _contents = new(options, collections);
    private readonly UploadApi _uploads = new(options, collections);
    private readonly ChatApi _chat = new(options, store, collections, chatFaults);

    public Task HandleAsync(HttpContext context, Route route, byte[] body)
    {
        if (route.Operation is not { } operation)
        {
            return Answers.DetailAsync(context, route.Status, route.Status == StatusCodes.Status404NotFound ? "Not Found" : "Method Not Allowed");
        }

        if (!IsAuthenticated(context.Request))
        {
            return Answers.DetailAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing API key");
        }

        var workspaceId = context.Request.Headers["X-Workspace-Id"].FirstOrDefault() ?? options.DefaultWorkspaceId;
        if (!_workspaces.Contains(workspaceId))
        {
            return Answers.DetailAsync(context, StatusCodes.Status403Forbidden, $"The API key has no access to workspace '{workspaceId}'");
        }

        var call = new Call(context, workspaceId, route.MemoryId!, new Problems());
        return operation switch
        {
            MieltoOperation.Create => CreateAsync(call, body),
            MieltoOperation.Get => GetAsync(call),
            MieltoOperation.List => _search.ListAsync(call, options.ListArrayName),
            MieltoOperation.Search => _search.SearchAsync(call, body),
            MieltoOperation.Update => UpdateAsync(call, body),
            MieltoOperation.Replace => ReplaceAsync(call, body),
            MieltoOperation.CreateFromMessages => _sdkOnly.CreateFromMessagesAsync(call, body),
            MieltoOperation.ListChunks => _sdkOnly.ListChunksAsync(call),
            MieltoOperation.GetProfile => _sdkOnly.GetProfileAsync(call),
            MieltoOperation.Delete => DeleteAsync(call),
            MieltoOperation.ListContents or MieltoOperation.GetContent or MieltoOperation.UpdateContent or MieltoOperation.DeleteContent or MieltoOperation.DeleteContents
                or MieltoOperation.ListCollectionChunks
                => _contents.HandleAsync(operation, call, body),
            MieltoOperation.Upload or MieltoOperation.CreateChunks => _uploads.HandleAsync(operation, call, body),
            MieltoOperation.Compress => CompressApi.HandleAsync(call, body),
            MieltoOperation.Chat => _chat.HandleAsync(call, body),
            _ => _collections.HandleAsync(operation, call, body),
        };
    }

    private Task CreateAsync(Call call, byte[] body)
    {
        string? userId, content, memoryType;
        List<string>? topics;
        Dictionary<string, System.Text.Json.JsonElement>? metadata;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (userId, content, memoryType) = (json.String("user_id", required: true), json.String("memory", required: true), json.String("memory_type") ?? "user");
            (topics, metadata) = (json.Strings("topics"), json.Object("metadata"));
        }

        call.Problems.TooLong(userId, ["body", "user_id"]);
        if (call.Problems.Any)
        {
            return Answers.ValidationAsync(call.Context, call.Problems);
        }

        var now = options.TimeProvider.GetUtcNow();
        var memory = new TestMemory("mem_" + Guid.NewGuid().ToString("N")[..24], userId!, call.WorkspaceId, content!, topics, metadata, memoryType, now, now);
        store.Add(memory);
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("memory_id", memory.MemoryId);
            writer.WriteString("message", "Memory created successfully");
            writer.WritePropertyName("memory");
            Answers.Memory(writer, memory);
        });
    }

    private Task GetAsync(Call call)
    {
        var userId = call.QueryUserId();
        if (call.IsInvalid(userId))
        {
            return call.InvalidAsync();
        }

        var memory = store.Find(call.WorkspaceId, call.MemoryId);
        if (memory is null)
        {
            return call.MemoryNotFoundAsync();
        }

        return Owns(memory, userId)
            ? Answers.WriteAsync(call.Context, StatusCodes.Status200OK, writer => Answers.Memory(writer, memory))
            : call.NotOwnerAsync("view");
    }

    private Task UpdateAsync(Call call, byte[] body)
    {
        var (userId, content, topics, metadata) = ReadChange(body, call.Problems, contentRequired: false);
        return ChangeAsync(call, userId, "update", memory => memory with
        {
            Content = content ?? memory.Content,
            Topics = topics ?? memory.Topics,
            Metadata = metadata ?? memory.Metadata,
        }, (writer, old, updated) =>
        {
            writer.WriteString("message", "Memory updated successfully");
            writer.WritePropertyName("memory");
            Answers.Memory(writer, updated);
        });
    }

    private Task ReplaceAsync(Call call, byte[] body)
    {
        var (userId, content, topics, metadata) = ReadChange(body, call.Problems, contentRequired: true);
        return ChangeAsync(call, userId, "replace", memory => memory with { Content = content!, Topics = topics, Metadata = metadata }, (writer, old, replaced) =>
        {
            writer.WriteString("message", "Memory replaced successfully");
            writer.WritePropertyName("old_memory");
            Answers.Memory(writer, old);
            writer.WritePropertyName("new_memory");
            Answers.Memory(writer, replaced);
        });
    }

    /// <summary>Reads the body of an update or a replacement: <c>MemoryUpdate</c> and <c>MemoryReplace</c> have the same fields.</summary>
    private static (string? UserId, string? Content, List<string>? Topics, Dictionary<string, System.Text.Json.JsonElement>? Metadata) ReadChange(byte[] body, Problems problems, bool contentRequired)
    {
        using var json = JsonBody.Parse(body, problems);
        return (json.String("user_id"), json.String("memory", contentRequired), json.Strings("topics"), json.Object("metadata"));
    }

    /// <summary>Changes a memory its owner may change, keeping its id and creation time and setting <c>updated_at</c>.</summary>
    private Task ChangeAsync(Call call, string? userId, string verb, Func<TestMemory, TestMemory> change, Action<System.Text.Json.Utf8JsonWriter, TestMemory, TestMemory> writeResult)
    {
        if (call.IsInvalid(userId, ["body", "user_id"]))
        {
            return call.InvalidAsync();
        }

        var now = options.TimeProvider.GetUtcNow();
        TestMemory? changed = null;
        var found = store.Change(call.WorkspaceId, call.MemoryId, memory => Owns(memory, userId) ? changed = change(memory) with { UpdatedAt = now } : null);
        if (found is null)
        {
            return call.MemoryNotFoundAsync();
        }

        if (changed is null)
        {
            return call.NotOwnerAsync(verb);
        }

        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("memory_id", changed.MemoryId);
            writeResult(writer, found, changed);
        });
    }

    private Task DeleteAsync(Call call)
    {
        var userId = call.QueryUserId();
        if (call.IsInvalid(userId))
        {
            return call.InvalidAsync();
        }

        var removed = false;
        var found = store.Change(call.WorkspaceId, call.MemoryId, memory => (removed = Owns(memory, userId)) ? MemoryStore.Removed : null);
        if (found is null)
        {
            return call.MemoryNotFoundAsync();
        }

        if (!removed)
        {
            return call.NotOwnerAsync("delete");
        }

        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("memory_id", call.MemoryId);
            writer.WriteString("message", "Memory deleted successfully");
        });
    }

    /// <summary>A memory may be acted on by its owner, or by the key for its whole workspace when no <c>user_id</c> is given.</summary>
    private static bool Owns(TestMemory memory, string? userId) => userId is null || string.Equals(memory.UserId, userId, StringComparison.Ordinal);

    private bool IsAuthenticated(HttpRequest request)
    {
        // Mielto's DualAuthScheme accepts "Authorization: Bearer <key>" or "X-API-Key: <key>".
        var authorization = request.Headers.Authorization.FirstOrDefault();
        var bearer = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..]
            : null;
        return string.Equals(bearer, options.ApiKey, StringComparison.Ordinal)
            || string.Equals(request.Headers["X-API-Key"].FirstOrDefault(), options.ApiKey, StringComparison.Ordinal);
    }
}
