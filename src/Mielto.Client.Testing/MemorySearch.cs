using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>The stand-in's reads over many memories: a listing with keyset cursors, and search.</summary>
internal sealed class MemorySearch(MemoryStore store)
{
    /// <summary>The documented retrieval methods; the stand-in refuses any other with a 422 (our choice).</summary>
    private static readonly string[] RetrievalMethods = ["agentic", "agentic_vector", "agentic_hybrid", "agentic_keyword", "vector", "hybrid", "keyword", "last_n", "first_n"];

    public Task ListAsync(Call call, string arrayName)
    {
        var query = call.Context.Request.Query;
        var userId = call.QueryUserId();
        var limit = Limit(query["limit"].FirstOrDefault(), 50, call.Problems);
        var sortBy = query["sort_by"].FirstOrDefault() ?? "updated_at";
        var descending = query["sort_order"].FirstOrDefault() switch
        {
            null or "desc" => true,
            "asc" => false,
            _ => Refuse(call.Problems, ["query", "sort_order"], "Input should be 'asc' or 'desc'", "enum"),
        };
        if (!ListCursor.SortKeys.TryGetValue(sortBy, out var key))
        {
            call.Problems.Add(["query", "sort_by"], "Input should be 'updated_at', 'created_at' or 'memory_id'", "literal_error");
            key = ListCursor.SortKeys["updated_at"];
        }

        (string Key, string MemoryId)? after = null;
        if (query["cursor"].FirstOrDefault() is { } cursor && (after = ListCursor.Decode(cursor, sortBy)) is null)
        {
            call.Problems.Add(["query", "cursor"], "Value error, the cursor is not one this listing gave out, or was made for another sort_by", "value_error");
        }

        if (call.IsInvalid(userId))
        {
            return call.InvalidAsync();
        }

        var sign = descending ? -1 : 1;
        var ordered = store.Where(call.WorkspaceId, userId)
            .Select(m => (Key: key(m), Memory: m))
            .Where(e => after is not { } a || sign * Compare(e.Key, e.Memory.MemoryId, a.Key, a.MemoryId) > 0)
            .Order(Comparer<(string Key, TestMemory Memory)>.Create((x, y) => sign * Compare(x.Key, x.Memory.MemoryId, y.Key, y.Memory.MemoryId)))
            .Take(limit + 1)
            .ToList();
        var hasMore = ordered.Count > limit;
        var page = ordered.Take(limit).ToList();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            Answers.Memories(writer, arrayName, page.Select(e => e.Memory));
            writer.WriteNumber("total_count", page.Count);
            if (hasMore)
            {
                writer.WriteString("next_cursor", ListCursor.Encode(sortBy, page[^1].Key, page[^1].Memory.MemoryId));
            }
            else
            {
                writer.WriteNull("next_cursor");
            }

            writer.WriteBoolean("has_more", hasMore);
        });
    }

    public Task SearchAsync(Call call, byte[] body)
    {
        string? text, userId, method;
        int limit;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            (text, userId, limit, method) = (json.String("query", required: true), json.String("user_id"), json.Int("limit") ?? 10, json.String("retrieval_method") ?? "agentic");
        }

        call.Problems.Range(limit, 1, 100, ["body", "limit"]);
        if (!RetrievalMethods.Contains(method, StringComparer.Ordinal))
        {
            call.Problems.Add(["body", "retrieval_method"], $"Input should be {string.Join(", ", RetrievalMethods.Select(m => $"'{m}'"))}", "literal_error");
        }

        if (call.IsInvalid(userId, ["body", "user_id"]))
        {
            return call.InvalidAsync();
        }

        var candidates = store.Where(call.WorkspaceId, userId);
        IEnumerable<TestMemory> found = method switch
        {
            "last_n" => candidates.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.MemoryId, StringComparer.Ordinal),
            "first_n" => candidates.OrderBy(m => m.CreatedAt).ThenBy(m => m.MemoryId, StringComparer.Ordinal),
            _ => KeywordMatches(candidates, text!),
        };
        var results = found.Take(limit).ToList();
        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            Answers.Memories(writer, "memories", results);
            writer.WriteNumber("total_results", results.Count);
            writer.WriteString("query", text);
            writer.WriteString("retrieval_method", method);
        });
    }

    /// <summary>
    /// The stand-in's search for every method but <c>last_n</c> and <c>first_n</c>: the memories that share a word
    /// with the query, ignoring case, in their content or topics; most words shared first, then the newest.
    /// </summary>
    private static IEnumerable<TestMemory> KeywordMatches(List<TestMemory> candidates, string query)
    {
        var words = Words(query);
        return candidates
            .Select(m => (Memory: m, Score: Words(string.Join(' ', [m.Content, .. m.Topics ?? []])).Count(words.Contains)))
            .Where(e => e.Score > 0)
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.Memory.UpdatedAt)
            .Select(e => e.Memory);
    }

    /// <summary>The distinct words of <paramref name="text"/>, lower-cased: its runs of letters and digits.</summary>
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static int Compare(string key, string id, string otherKey, string otherId)
    {
        var byKey = string.CompareOrdinal(key, otherKey);
        return byKey != 0 ? byKey : string.CompareOrdinal(id, otherId);
    }

    /// <summary>A listing's <c>limit</c> query value: 1 to 100, <paramref name="fallback"/> when absent.</summary>
    public static int Limit(string? text, int fallback, Problems problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
        {
            problems.Add(["query", "limit"], "Input should be a valid integer, unable to parse string as an integer", "int_parsing");
            return fallback;
        }

        problems.Range(limit, 1, 100, ["query", "limit"]);
        return Math.Clamp(limit, 1, 100);
    }

    private static bool Refuse(Problems problems, string[] location, string message, string type)
    {
        problems.Add(location, message, type);
        return true;
    }
}
