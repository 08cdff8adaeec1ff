using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// The content operations of the stand-in, after the route, the key and the workspace are checked: each rule is
/// listed with its source in the rules table of docs/testing.md.
/// </summary>
internal sealed class ContentApi(MieltoTestServerOptions options, CollectionStore store)
{
    private static readonly string[] Sortable = ["created_at", "updated_at", "name", "size"];

    public Task HandleAsync(MieltoOperation operation, Call call, byte[] body) => operation switch
    {
        MieltoOperation.ListContents => ListAsync(call),
        MieltoOperation.GetContent => GetAsync(call),
        MieltoOperation.UpdateContent => UpdateAsync(call, body),
        MieltoOperation.DeleteContent => DeleteAsync(call),
        MieltoOperation.ListCollectionChunks => ListChunksAsync(call),
        _ => DeleteManyAsync(call, body),
    };

    /// <summary>Writes a content as the API does: its timestamps as integer Unix seconds.</summary>
    public static void Write(Utf8JsonWriter writer, TestContent content)
    {
        writer.WriteStartObject();
        writer.WriteString("id", content.Id);
        writer.WriteString("name", content.Name);
        if (content.Description is null)
        {
            writer.WriteNull("description");
        }
        else
        {
            writer.WriteString("description", content.Description);
        }

        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("type", content.Type);
        writer.WriteNumber("size", content.Size);
        writer.WriteString("status", content.Status);
        if (content.StatusMessage is null)
        {
            writer.WriteNull("status_message");
        }
        else
        {
            writer.WriteString("status_message", content.StatusMessage);
        }

        writer.WriteString("collection_id", content.CollectionId);
        writer.WriteString("workspace_id", content.WorkspaceId);
        writer.WriteNumber("created_at", content.CreatedAt.ToUnixTimeSeconds());
        writer.WriteNumber("updated_at", content.UpdatedAt.ToUnixTimeSeconds());
        writer.WriteEndObject();
    }

    private Task ListAsync(Call call)
    {
        var query = call.Context.Request.Query;
        var skip = CollectionApi.Number(query, "skip", 0, 0, int.MaxValue, call.Problems);
        var limit = CollectionApi.Number(query, "limit", 100, 1, 1000, call.Problems);
        var sortBy = query["sort_by"].FirstOrDefault() ?? "created_at";
        var sortOrder = query["sort_order"].FirstOrDefault() ?? "desc";
        if (!Sortable.Contains(sortBy, StringComparer.Ordinal))
        {
            call.Problems.Add(["query", "sort_by"], "Input should be 'created_at', 'updated_at', 'name' or 'size'", "literal_error");
        }

        if (sortOrder is not ("asc" or "desc"))
        {
            call.Problems.Add(["query", "sort_order"], "Input should be 'asc' or 'desc'", "literal_error");
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var (collectionId, status) = (query["collection_id"].FirstOrDefault(), query["status"].FirstOrDefault());
        var matching = store.ContentsIn(call.WorkspaceId)
            .Where(c => collectionId is null || string.Equals(c.CollectionId, collectionId, StringComparison.Ordinal))
            .Where(c => status is null || string.Equals(c.Status, status, StringComparison.Ordinal));
        Func<TestContent, object> key = sortBy switch
        {
            "updated_at" => c => c.UpdatedAt,
            "name" => c => c.Name,
            "size" => c => c.Size,
            _ => c => c.CreatedAt,
        };
        var ordered = (string.Equals(sortOrder, "asc", StringComparison.Ordinal) ? matching.OrderBy(key) : matching.OrderByDescending(key)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var content in ordered.Skip(skip).Take(limit))
            {
                Write(writer, content);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total_count", ordered.Count);
        });
    }

    private Task GetAsync(Call call) =>
        store.FindContent(call.WorkspaceId, call.MemoryId) is { } content
            ? Answers.WriteAsync(call.Context, StatusCodes.Status200OK, writer => Write(writer, content))
            : NotFoundAsync(call.Context);

    private Task UpdateAsync(Call call, byte[] body)
    {
        string? name, description, status, statusMessage;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (name, description) = (json.String("name"), json.String("description"));
            (status, statusMessage) = (json.String("status"), json.String("status_message"));
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var now = options.TimeProvider.GetUtcNow();
        var changed = store.ChangeContent(call.WorkspaceId, call.MemoryId, c => c with
        {
            Name = name ?? c.Name,
            Description = description ?? c.Description,
            Status = status ?? c.Status,
            StatusMessage = statusMessage ?? c.StatusMessage,
            UpdatedAt = now,
        });
        return changed is null ? NotFoundAsync(call.Context) : Answers.WriteAsync(call.Context, StatusCodes.Status200OK, writer => Write(writer, changed));
    }

    private Task DeleteAsync(Call call)
    {
        if (!store.RemoveContent(call.WorkspaceId, call.MemoryId))
        {
            return NotFoundAsync(call.Context);
        }

        // Started here, so that the answer (no body) is recorded with its status, as every other is.
        call.Context.Response.StatusCode = StatusCodes.Status204NoContent;
        return call.Context.Response.StartAsync(call.Context.RequestAborted);
    }

    private Task DeleteManyAsync(Call call, byte[] body)
    {
        List<string>? ids;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            ids = json.Strings("content_ids");
            if (ids is null && !call.Problems.Any)
            {
                call.Problems.Missing(["body", "content_ids"]);
            }
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var deleted = new List<string>();
        var failed = new List<string>();
        foreach (var id in ids!)
        {
            (store.RemoveContent(call.WorkspaceId, id) ? deleted : failed).Add(id);
        }

        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteNumber("deleted", deleted.Count);
            writer.WriteNumber("failed", failed.Count);
            Strings(writer, "deleted_ids", deleted);
            Strings(writer, "failed_ids", failed);
            writer.WriteStartObject("errors");
            foreach (var id in failed)
            {
                writer.WriteString(id, "Content not found");
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// The chunks of a collection (the query <c>collection_id</c> or the header <c>X-Collection-Id</c>) or of a content,
    /// by cursor (the id of the last chunk given), under <c>data</c> as the official SDKs read them.
    /// </summary>
    private Task ListChunksAsync(Call call)
    {
        var query = call.Context.Request.Query;
        var limit = CollectionApi.Number(query, "limit", 50, 1, 500, call.Problems);
        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var collectionId = query["collection_id"].FirstOrDefault() ?? call.Context.Request.Headers["X-Collection-Id"].FirstOrDefault();
        var contentId = query["content_id"].FirstOrDefault();
        var inWorkspace = store.InWorkspace(call.WorkspaceId).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var chunks = store.AllChunks()
            .Where(c => inWorkspace.Contains(c.CollectionId))
            .Where(c => collectionId is null || string.Equals(c.CollectionId, collectionId, StringComparison.Ordinal))
            .Where(c => contentId is null || string.Equals(c.ContentId, contentId, StringComparison.Ordinal))
            .ToList();
        var start = query["cursor"].FirstOrDefault() is { } cursor ? chunks.FindIndex(c => string.Equals(c.Id, cursor, StringComparison.Ordinal)) + 1 : 0;
        var page = chunks.Skip(start).Take(limit).ToList();
        var more = start + page.Count < chunks.Count;
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            for (var i = 0; i < page.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", page[i].Id);
                writer.WriteString("content_id", page[i].ContentId);
                writer.WriteString("collection_id", page[i].CollectionId);
                writer.WriteString("content", page[i].Content);
                writer.WriteStartObject("metadata");
                writer.WriteEndObject();
                writer.WriteNumber("chunk_index", start + i);
                writer.WriteNumber("size", page[i].Content.Length);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("total_count", page.Count);
            if (more)
            {
                writer.WriteString("next_cursor", page[^1].Id);
            }
            else
            {
                writer.WriteNull("next_cursor");
            }

            writer.WriteBoolean("has_more", more);
        });
    }

    private static void Strings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static Task NotFoundAsync(HttpContext context) => Answers.DetailAsync(context, StatusCodes.Status404NotFound, "Content not found");
}
