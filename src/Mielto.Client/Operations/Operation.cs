namespace Mielto.Client.Operations;

/// <summary>
/// What the pipeline needs to know of one API operation: its resource, how to name it (in messages, spans, metrics
/// and log lines) and what a 404 means for it. A resource's operations are its entries here; nothing else in the
/// pipeline names a resource.
/// </summary>
internal sealed class Operation
{
    public static readonly Operation Create = new(Resource.Memories, "create", "POST", "CREATE", "memory", onOne: false);
    public static readonly Operation Get = new(Resource.Memories, "get", "GET", "GET", "memory", onOne: true, notFoundAdvice: "GetIfExistsAsync returns null instead");
    public static readonly Operation List = new(Resource.Memories, "list", "GET", "LIST", "memories", onOne: false);
    public static readonly Operation Search = new(Resource.Memories, "search", "POST", "SEARCH", "memories", onOne: false);
    public static readonly Operation Update = new(Resource.Memories, "update", "PUT", "UPDATE", "memory", onOne: true, notFoundAdvice: "create it first");
    public static readonly Operation Replace = new(Resource.Memories, "replace", "POST", "REPLACE", "memory", onOne: true, notFoundAdvice: "create it first");
    public static readonly Operation CreateFromMessages = new(Resource.Memories, "create_from_messages", "POST", "CREATE", "memories from messages", onOne: false);
    public static readonly Operation ListChunks = new(Resource.Memories, "list_chunks", "GET", "LIST", "memory chunks", onOne: false);
    public static readonly Operation GetProfile = new(Resource.Memories, "get_profile", "GET", "GET", "memory profile", onOne: false);
    public static readonly Operation Delete = new(Resource.Memories, "delete", "DELETE", "DELETE", "memory", onOne: true, notFoundAdvice: "DeleteIfExistsAsync treats this as already deleted");

    public static readonly Operation CreateCollection = new(Resource.Collections, "create", "POST", "CREATE", "collection", onOne: false);
    public static readonly Operation GetCollection = new(Resource.Collections, "get", "GET", "GET", "collection", onOne: true, notFoundAdvice: "GetIfExistsAsync returns null instead");
    public static readonly Operation ListCollections = new(Resource.Collections, "list", "GET", "LIST", "collections", onOne: false);
    public static readonly Operation UpdateCollection = new(Resource.Collections, "update", "PUT", "UPDATE", "collection", onOne: true, notFoundAdvice: "create it first");
    public static readonly Operation DeleteCollection = new(Resource.Collections, "delete", "DELETE", "DELETE", "collection", onOne: true, notFoundAdvice: "it may be deleted already");
    public static readonly Operation ListContents = new(Resource.Contents, "list", "GET", "LIST", "contents", onOne: false);
    public static readonly Operation GetContent = new(Resource.Contents, "get", "GET", "GET", "content", onOne: true, notFoundAdvice: "GetIfExistsAsync returns null instead");
    public static readonly Operation UpdateContent = new(Resource.Contents, "update", "PATCH", "UPDATE", "content", onOne: true, notFoundAdvice: "check its id");
    public static readonly Operation DeleteContent = new(Resource.Contents, "delete", "DELETE", "DELETE", "content", onOne: true, notFoundAdvice: "it may be deleted already");
    public static readonly Operation DeleteContents = new(Resource.Contents, "delete_many", "POST", "DELETE", "contents", onOne: false);
    public static readonly Operation ListCollectionChunks = new(Resource.Chunks, "list", "GET", "LIST", "chunks", onOne: false);
    public static readonly Operation Upload = new(Resource.Collections, "upload", "POST", "UPLOAD", "to collection", onOne: true, notFoundAdvice: "check its id");
    public static readonly Operation CreateChunks = new(Resource.Contents, "create_chunks", "POST", "INGEST", "content", onOne: true, notFoundAdvice: "check its id");
    public static readonly Operation Compress = new(Resource.Compress, "run", "POST", "COMPRESS", "content", onOne: false);
    public static readonly Operation Chat = new(Resource.Chat, "complete", "POST", "CHAT", "completion", onOne: false);
    public static readonly Operation ChatStream = new(Resource.Chat, "stream", "POST", "CHAT", "stream", onOne: false);
    public static readonly Operation SearchCollection = new(Resource.Collections, "search", "POST", "SEARCH", "collection", onOne: true, notFoundAdvice: "check its id");

    private Operation(Resource resource, string name, string method, string verb, string noun, bool onOne, string? notFoundAdvice = null)
    {
        Resource = resource;
        Name = $"{resource.Name}.{name}";
        Method = method;
        Verb = verb;
        Noun = noun;
        OnOne = onOne;
        SpanName = $"Mielto {verb} {noun}";
        NotFoundAdvice = onOne ? $"The {resource.One} does not exist, or is not visible in this workspace or to this user; {notFoundAdvice}." : null;
    }

    /// <summary>The resource it acts on.</summary>
    public Resource Resource { get; }

    /// <summary>The operation's name in telemetry (<c>mielto.operation</c>): the resource, then the operation, such as <c>memories.delete</c>.</summary>
    public string Name { get; }

    /// <summary>Its HTTP method.</summary>
    public string Method { get; }

    /// <summary>How messages and log lines name it, such as <c>DELETE</c> or <c>LIST</c>.</summary>
    public string Verb { get; }

    /// <summary>What it acts on, in messages: <c>memory</c>, <c>memories</c>, <c>collection</c>.</summary>
    public string Noun { get; }

    /// <summary>True when it addresses one thing by id, so that the API's own 404 means that thing is not there.</summary>
    public bool OnOne { get; }

    /// <summary>The name of its span, such as <c>Mielto DELETE memory</c>.</summary>
    public string SpanName { get; }

    /// <summary>What the API's own 404 about the thing means for it, and what to do (null unless <see cref="OnOne"/>).</summary>
    public string? NotFoundAdvice { get; }

    /// <summary>The call as messages name it: <c>GET memory 'mem_1'</c>, <c>LIST memories</c>.</summary>
    public string Describe(string? id) => id is null ? $"{Verb} {Noun}" : $"{Verb} {Noun} '{id}'";
}
