using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// The operations known only from Mielto's official SDKs, with the stand-in's own choices where nothing is
/// documented: one memory per user message, one chunk per memory with a deterministic embedding, and the newest
/// memory with the topic <c>profile</c> as the profile.
/// </summary>
internal sealed class SdkOnlyOperations(MieltoTestServerOptions options, MemoryStore store)
{
    public Task CreateFromMessagesAsync(Call call, byte[] body)
    {
        string? userId;
        var contents = new List<string>();
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            userId = json.String("user_id", required: true);
            json.String("agent_id");
            json.String("team_id");
            if (json.Raw("messages", required: true) is { } messages)
            {
                ReadUserMessages(messages, contents, call.Problems);
            }
        }

        if (call.IsInvalid(userId, ["body", "user_id"]))
        {
            return call.InvalidAsync();
        }

        var now = options.TimeProvider.GetUtcNow();
        var created = contents.Select(content => new TestMemory("mem_" + Guid.NewGuid().ToString("N")[..24], userId!, call.WorkspaceId, content, null, null, "user", now, now)).ToList();
        created.ForEach(store.Add);
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("message", "Memories created successfully from messages");
            writer.WriteStartObject("result");
            writer.WriteNumber("memories_created", created.Count);
            writer.WriteStartArray("memory_ids");
            created.ForEach(m => writer.WriteStringValue(m.MemoryId));
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public Task ListChunksAsync(Call call)
    {
        var query = call.Context.Request.Query;
        var userId = call.QueryUserId();
        var limit = MemorySearch.Limit(query["limit"].FirstOrDefault(), 100, call.Problems);
        var includeEmbedding = query["include_embedding"].FirstOrDefault() switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            _ => Refuse(call.Problems, ["query", "include_embedding"], "Input should be a valid boolean, unable to interpret input", "bool_parsing"),
        };
        (string Key, string MemoryId)? after = null;
        if (query["cursor"].FirstOrDefault() is { } cursor && (after = ListCursor.Decode(cursor, "chunks")) is null)
        {
            call.Problems.Add(["query", "cursor"], "Value error, the cursor is not one this listing gave out", "value_error");
        }

        if (call.IsInvalid(userId))
        {
            return call.InvalidAsync();
        }

        var ordered = store.Where(call.WorkspaceId, userId)
            .Where(m => after is not { } a || string.CompareOrdinal(m.MemoryId, a.MemoryId) > 0)
            .OrderBy(m => m.MemoryId, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var page = ordered.Take(limit).ToList();
        var hasMore = ordered.Count > limit;
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray("data");
            foreach (var memory in page)
            {
                WriteChunk(writer, memory, includeEmbedding);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total_count", page.Count);
            if (hasMore)
            {
                writer.WriteString("next_cursor", ListCursor.Encode("chunks", string.Empty, page[^1].MemoryId));
            }
            else
            {
                writer.WriteNull("next_cursor");
            }

            writer.WriteBoolean("has_more", hasMore);
        });
    }

    public Task GetProfileAsync(Call call)
    {
        var userId = call.QueryUserId();
        if (userId is null)
        {
            call.Problems.Missing(["query", "user_id"]);
        }

        if (call.IsInvalid(userId))
        {
            return call.InvalidAsync();
        }

        var profile = store.Where(call.WorkspaceId, userId)
            .Where(m => m.Topics?.Contains("profile", StringComparer.OrdinalIgnoreCase) == true)
            .OrderByDescending(m => m.UpdatedAt)
            .FirstOrDefault();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("user_id", userId);
            writer.WritePropertyName("profile");
            if (profile is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                Answers.Memory(writer, profile);
            }

            writer.WritePropertyName("structured_profile");
            Answers.Metadata(writer, profile?.Metadata);
        });
    }

    /// <summary>Reads the contents of the user's messages, recording each input error as Pydantic would.</summary>
    private static void ReadUserMessages(JsonElement messages, List<string> contents, Problems problems)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            problems.Add(["body", "messages"], "Input should be a valid list", "list_type");
            return;
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var at = index++.ToString(CultureInfo.InvariantCulture);
            if (message.ValueKind != JsonValueKind.Object)
            {
                problems.Add(["body", "messages", at], "Input should be a valid dictionary", "dict_type");
                continue;
            }

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (role is null || content is null)
            {
                problems.Add(["body", "messages", at, role is null ? "role" : "content"], "Field required", "missing");
            }
            else if (string.Equals(role, "user", StringComparison.OrdinalIgnoreCase))
            {
                contents.Add(content);
            }
        }
    }

    private void WriteChunk(Utf8JsonWriter writer, TestMemory memory, bool includeEmbedding)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "chunk_" + memory.MemoryId);
        writer.WriteString("content", memory.Content);
        writer.WriteString("content_id", memory.MemoryId);
        writer.WriteString("workspace_id", memory.WorkspaceId);
        writer.WriteString("created_at", memory.CreatedAt);
        if (includeEmbedding)
        {
            writer.WriteStartArray("embedding");
            foreach (var component in Embedding(memory.Content, options.EmbeddingDimensions))
            {
                writer.WriteNumberValue(component);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A unit vector that depends on the content alone: the same text always gives the same embedding.</summary>
    public static float[] Embedding(string content, int dimensions)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(content)), 0);
#pragma warning disable CA5394 // A reproducible stand-in vector, not anything secret.
        var random = new Random(seed);
        var vector = Enumerable.Range(0, dimensions).Select(_ => (random.NextSingle() * 2) - 1).ToArray();
#pragma warning restore CA5394
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / length)];
    }

    private static bool Refuse(Problems problems, string[] location, string message, string type)
    {
        problems.Add(location, message, type);
        return false;
    }
}
