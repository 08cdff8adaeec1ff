using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// The collection operations of the stand-in, after the route, the key and the workspace are checked: each rule is
/// listed with its source in the rules table of docs/testing.md.
/// </summary>
internal sealed class CollectionApi(MieltoTestServerOptions options, CollectionStore store)
{
    public Task HandleAsync(MieltoOperation operation, Call call, byte[] body) => operation switch
    {
        MieltoOperation.CreateCollection => CreateAsync(call, body),
        MieltoOperation.GetCollection => GetAsync(call),
        MieltoOperation.ListCollections => ListAsync(call),
        MieltoOperation.UpdateCollection => UpdateAsync(call, body),
        MieltoOperation.DeleteCollection => DeleteAsync(call),
        _ => SearchAsync(call, body),
    };

    private Task CreateAsync(Call call, byte[] body)
    {
        string? name, description, visibility, storeType;
        List<string>? tags;
        Dictionary<string, JsonElement>? metaData;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (name, description) = (json.String("name", required: true), json.String("description"));
            (visibility, storeType) = (json.String("visibility"), json.String("store_type"));
            (tags, metaData) = (json.Strings("tags"), json.Object("meta_data"));
        }

        Check(call.Problems, name, description);
        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var now = options.TimeProvider.GetUtcNow();
        var collection = new TestCollection(
            "col_" + Guid.NewGuid().ToString("N")[..24], call.WorkspaceId, name!, description, "active", visibility ?? "private", storeType ?? "pgvector", tags, metaData, now, now);
        store.Add(collection);
        return Answers.WriteAsync(call.Context, StatusCodes.Status201Created, writer => Write(writer, collection));
    }

    private Task GetAsync(Call call) =>
        store.Find(call.WorkspaceId, call.MemoryId) is { } collection
            ? Answers.WriteAsync(call.Context, StatusCodes.Status200OK, writer => Write(writer, collection))
            : NotFoundAsync(call.Context);

    private Task ListAsync(Call call)
    {
        var query = call.Context.Request.Query;
        var skip = Number(query, "skip", 0, 0, int.MaxValue, call.Problems);
        var limit = Number(query, "limit", 100, 1, 1000, call.Problems);
        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var (status, visibility, search) = (query["status"].FirstOrDefault(), query["visibility"].FirstOrDefault(), query["search"].FirstOrDefault());
        var tags = query["tags"].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var matching = store.InWorkspace(call.WorkspaceId)
            .Where(c => status is null || string.Equals(c.Status, status, StringComparison.Ordinal))
            .Where(c => visibility is null || string.Equals(c.Visibility, visibility, StringComparison.Ordinal))
            .Where(c => search is null || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) == true)
            .Where(c => tags.All(t => c.Tags?.Contains(t, StringComparer.Ordinal) == true))
            .ToList();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var collection in matching.Skip(skip).Take(limit))
            {
                Write(writer, collection);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total_count", matching.Count);
        });
    }

    private Task UpdateAsync(Call call, byte[] body)
    {
        string? name, description, visibility;
        List<string>? tags;
        Dictionary<string, JsonElement>? metaData;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (name, description, visibility) = (json.String("name"), json.String("description"), json.String("visibility"));
            (tags, metaData) = (json.Strings("tags"), json.Object("meta_data"));
        }

        Check(call.Problems, name ?? "unchanged", description);
        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        var now = options.TimeProvider.GetUtcNow();
        var changed = store.Change(call.WorkspaceId, call.MemoryId, c => c with
        {
            Name = name ?? c.Name,
            Description = description ?? c.Description,
            Visibility = visibility ?? c.Visibility,
            Tags = tags ?? c.Tags,
            MetaData = metaData ?? c.MetaData,
            UpdatedAt = now,
        });
        return changed is null ? NotFoundAsync(call.Context) : Answers.WriteAsync(call.Context, StatusCodes.Status200OK, writer => Write(writer, changed));
    }

    private Task DeleteAsync(Call call) =>
        store.Remove(call.WorkspaceId, call.MemoryId)
            ? Answers.JsonAsync(call.Context, StatusCodes.Status202Accepted, writer =>
            {
                writer.WriteString("message", "Collection deletion started");
                writer.WriteString("collection_id", call.MemoryId);
                writer.WriteString("status", "deleting");
                writer.WriteString("job_id", "job_" + Guid.NewGuid().ToString("N")[..16]);
            })
            : NotFoundAsync(call.Context);

    private Task SearchAsync(Call call, byte[] body)
    {
        var started = Stopwatch.GetTimestamp();
        string? query, collectionId, searchType;
        int? k;
        double? threshold = null;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (query, collectionId, searchType) = (json.String("query", required: true), json.String("collection_id", required: true), json.String("search_type") ?? "hybrid");
            k = json.Int("k") ?? json.Int("max_results");
            if (json.Raw("score_threshold") is { ValueKind: JsonValueKind.Number } score)
            {
                threshold = score.GetDouble();
            }
        }

        if (k is { } count)
        {
            call.Problems.Range(count, 1, 100, ["body", "k"]);
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        if (store.Find(call.WorkspaceId, collectionId!) is null)
        {
            return NotFoundAsync(call.Context);
        }

        var words = Words(query!);
        var results = store.Chunks(collectionId!)
            .Select(chunk => (Chunk: chunk, Score: words.Count == 0 ? 0 : (double)words.Count(Words(chunk.Content).Contains) / words.Count))
            .Where(r => r.Score > 0 && r.Score >= (threshold ?? 0))
            .OrderByDescending(r => r.Score)
            .Take(k ?? 10)
            .ToList();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            WriteResults(writer, results);
            writer.WriteNumber("total_results", results.Count);
            writer.WriteString("query", query);
            writer.WriteString("search_type", searchType);
            writer.WriteString("collection_id", collectionId);
            writer.WriteNumber("execution_time_ms", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3));
        });
    }

    private static void WriteResults(Utf8JsonWriter writer, List<(TestChunk Chunk, double Score)> results)
    {
        writer.WriteStartArray("results");
        foreach (var (chunk, score) in results)
        {
            writer.WriteStartObject();
            writer.WriteString("content", chunk.Content);
            writer.WriteNumber("score", Math.Round(score, 4));
            writer.WriteStartObject("metadata");
            writer.WriteEndObject();
            writer.WriteString("content_id", chunk.ContentId);
            if (chunk.Source is not null)
            {
                writer.WriteString("source", chunk.Source);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static Task NotFoundAsync(HttpContext context) => Answers.DetailAsync(context, StatusCodes.Status404NotFound, "Collection not found");

    /// <summary>The lower-cased words of a text, for the scored word match.</summary>
    private static HashSet<string> Words(string text) =>
        new(text.Split((char[])[' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);

    private static void Check(Problems problems, string? name, string? description)
    {
        if (name is not null && (name.Length is 0 or > 100))
        {
            problems.Add(["body", "name"], name.Length == 0 ? "String should have at least 1 character" : "String should have at most 100 characters", name.Length == 0 ? "string_too_short" : "string_too_long");
        }

        if (description?.Length > 255)
        {
            problems.Add(["body", "description"], "String should have at most 255 characters", "string_too_long");
        }
    }

    /// <summary>An integer query value within a range, or the fallback when absent; a problem otherwise.</summary>
    public static int Number(IQueryCollection query, string name, int fallback, int min, int max, Problems problems)
    {
        if (query[name].FirstOrDefault() is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(["query", name], "Input should be a valid integer, unable to parse string as an integer", "int_parsing");
            return fallback;
        }

        problems.Range(value, min, max, ["query", name]);
        return value;
    }

    private static void Write(Utf8JsonWriter writer, TestCollection collection)
    {
        writer.WriteStartObject();
        writer.WriteString("id", collection.Id);
        writer.WriteString("name", collection.Name);
        if (collection.Description is null)
        {
            writer.WriteNull("description");
        }
        else
        {
            writer.WriteString("description", collection.Description);
        }

        writer.WriteString("store_type", collection.StoreType);
        writer.WriteString("visibility", collection.Visibility);
        writer.WriteString("status", collection.Status);
        writer.WriteStartArray("tags");
        foreach (var tag in collection.Tags ?? [])
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("stats");
        writer.WriteEndObject();
        writer.WritePropertyName("meta_data");
        Answers.Metadata(writer, collection.MetaData ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal));
        writer.WriteString("workspace_id", collection.WorkspaceId);
        writer.WriteString("created_at", collection.CreatedAt);
        writer.WriteString("updated_at", collection.UpdatedAt);
        writer.WriteEndObject();
    }
}
