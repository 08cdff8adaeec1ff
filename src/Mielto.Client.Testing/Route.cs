namespace Mielto.Client.Testing;

/// <summary>Where a request goes, as a FastAPI app routes it: an operation, a memory id, or an error status.</summary>
/// <param name="Operation">The operation; null when the request matched none.</param>
/// <param name="MemoryId">The memory id, percent-decoded once from its one path segment.</param>
/// <param name="Status">404 (no route) or 405 (a route, but not for this method) when <paramref name="Operation"/> is null.</param>
internal readonly record struct Route(MieltoOperation? Operation, string? MemoryId, int Status)
{
    private const string Memories = "/api/v1/memories";
    private const string MemoryPrefix = Memories + "/";
    private const string Collections = "/api/v1/collections";
    private const string CollectionPrefix = Collections + "/";
    private const string Contents = "/api/v1/contents";
    private const string ContentPrefix = Contents + "/";

    private static readonly Route NotFound = new(null, null, 404);
    private static readonly Route NotAllowed = new(null, null, 405);

    /// <summary>
    /// Routes <paramref name="rawPath"/> (still escaped) in the order the API declares its routes: the collection,
    /// <c>search</c>, <c>from_messages</c>, <c>chunks</c> and <c>profile</c>, then a memory and its <c>replace</c>. As
    /// in Starlette, a path that matches a route but not its method goes on to the next route, and is a 405 only if
    /// no route takes both: so a GET of the id <c>search</c> is a get, while a GET of <c>chunks</c> lists chunks.
    /// </summary>
    public static Route Find(string method, string rawPath)
    {
        if (rawPath is Collections || rawPath.StartsWith(CollectionPrefix, StringComparison.Ordinal))
        {
            return FindCollection(method, rawPath);
        }

        if (FindIngestion(method, rawPath) is { } ingestion)
        {
            return ingestion;
        }

        if (rawPath is Contents || rawPath.StartsWith(ContentPrefix, StringComparison.Ordinal))
        {
            return FindContent(method, rawPath);
        }

        if (rawPath is Memories)
        {
            return method switch { "GET" => new(MieltoOperation.List, null, 200), "POST" => new(MieltoOperation.Create, null, 200), _ => NotAllowed };
        }

        if (!rawPath.StartsWith(MemoryPrefix, StringComparison.Ordinal) || rawPath.Length == MemoryPrefix.Length)
        {
            return NotFound;
        }

        var rest = rawPath[MemoryPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var id = rest[..slash];
            return rest[(slash + 1)..] is not "replace" || id.Length == 0
                ? NotFound
                : method is "POST" ? new(MieltoOperation.Replace, Uri.UnescapeDataString(id), 200) : NotAllowed;
        }

        switch ((method, rest))
        {
            case ("POST", "search"):
                return new(MieltoOperation.Search, null, 200);
            case ("POST", "from_messages"):
                return new(MieltoOperation.CreateFromMessages, null, 200);
            case ("GET", "chunks"):
                return new(MieltoOperation.ListChunks, null, 200);
            case ("GET", "profile"):
                return new(MieltoOperation.GetProfile, null, 200);
        }

        return method switch
        {
            "GET" => new(MieltoOperation.Get, Uri.UnescapeDataString(rest), 200),
            "PUT" => new(MieltoOperation.Update, Uri.UnescapeDataString(rest), 200),
            "DELETE" => new(MieltoOperation.Delete, Uri.UnescapeDataString(rest), 200),
            _ => NotAllowed,
        };
    }

    /// <summary>The upload, chunk creation, chunk listing and compress routes; null for another path.</summary>
    private static Route? FindIngestion(string method, string rawPath) => rawPath switch
    {
        "/api/v1/upload" => method is "POST" ? new(MieltoOperation.Upload, null, 200) : NotAllowed,
        "/api/v1/chunks/create" => method is "POST" ? new(MieltoOperation.CreateChunks, null, 200) : NotAllowed,
        "/api/v1/chunks" => method is "GET" ? new(MieltoOperation.ListCollectionChunks, null, 200) : NotAllowed,
        "/api/v1/compress" => method is "POST" ? new(MieltoOperation.Compress, null, 200) : NotAllowed,
        "/api/v1/chat/completions" => method is "POST" ? new(MieltoOperation.Chat, null, 200) : NotAllowed,
        _ => null,
    };

    private static Route FindCollection(string method, string rawPath)
    {
        if (rawPath is Collections)
        {
            return method switch { "GET" => new(MieltoOperation.ListCollections, null, 200), "POST" => new(MieltoOperation.CreateCollection, null, 201), _ => NotAllowed };
        }

        var rest = rawPath[CollectionPrefix.Length..];
        if (rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal))
        {
            return NotFound;
        }

        if (rest is "search")
        {
            return method is "POST" ? new(MieltoOperation.SearchCollection, null, 200) : NotAllowed;
        }

        var id = Uri.UnescapeDataString(rest);
        return method switch
        {
            "GET" => new(MieltoOperation.GetCollection, id, 200),
            "PUT" => new(MieltoOperation.UpdateCollection, id, 200),
            "DELETE" => new(MieltoOperation.DeleteCollection, id, 202),
            _ => NotAllowed,
        };
    }

    private static Route FindContent(string method, string rawPath)
    {
        switch (rawPath)
        {
            case Contents:
                return method is "GET" ? new(MieltoOperation.ListContents, null, 200) : NotAllowed;
            case ContentPrefix + "bulk/delete":
                return method is "POST" ? new(MieltoOperation.DeleteContents, null, 200) : NotAllowed;
        }

        var rest = rawPath[ContentPrefix.Length..];
        if (rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal))
        {
            return NotFound;
        }

        var id = Uri.UnescapeDataString(rest);
        return method switch
        {
            "GET" => new(MieltoOperation.GetContent, id, 200),
            "PATCH" or "PUT" => new(MieltoOperation.UpdateContent, id, 200),
            "DELETE" => new(MieltoOperation.DeleteContent, id, 204),
            _ => NotAllowed,
        };
    }
}
