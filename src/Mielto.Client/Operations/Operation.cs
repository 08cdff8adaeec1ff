namespace Mielto.Client.Operations;

/// <summary>
/// What the pipeline needs to know of one API operation: how to name it (in messages, spans, metrics and log
/// lines) and what a 404 means for it.
/// </summary>
internal sealed class Operation
{
    public static readonly Operation Create = new("create", "POST", "CREATE", "memory", onMemory: false);
    public static readonly Operation Get = new("get", "GET", "GET", "memory", onMemory: true, notFoundAdvice: "GetIfExistsAsync returns null instead");
    public static readonly Operation List = new("list", "GET", "LIST", "memories", onMemory: false);
    public static readonly Operation Search = new("search", "POST", "SEARCH", "memories", onMemory: false);
    public static readonly Operation Update = new("update", "PUT", "UPDATE", "memory", onMemory: true, notFoundAdvice: "create it first");
    public static readonly Operation Replace = new("replace", "POST", "REPLACE", "memory", onMemory: true, notFoundAdvice: "create it first");
    public static readonly Operation CreateFromMessages = new("create_from_messages", "POST", "CREATE", "memories from messages", onMemory: false);
    public static readonly Operation ListChunks = new("list_chunks", "GET", "LIST", "memory chunks", onMemory: false);
    public static readonly Operation GetProfile = new("get_profile", "GET", "GET", "memory profile", onMemory: false);
    public static readonly Operation Delete = new("delete", "DELETE", "DELETE", "memory", onMemory: true, notFoundAdvice: "DeleteIfExistsAsync treats this as already deleted");

    private Operation(string name, string method, string verb, string noun, bool onMemory, string? notFoundAdvice = null)
    {
        Name = name;
        Method = method;
        Verb = verb;
        Noun = noun;
        OnMemory = onMemory;
        SpanName = $"Mielto {verb} {noun}";
        NotFoundAdvice = onMemory ? $"The memory does not exist, or is not visible in this workspace or to this user; {notFoundAdvice}." : null;
    }

    /// <summary>The operation's name in telemetry (<c>mielto.operation</c>), such as <c>delete</c>.</summary>
    public string Name { get; }

    /// <summary>Its HTTP method.</summary>
    public string Method { get; }

    /// <summary>How messages and log lines name it, such as <c>DELETE</c> or <c>LIST</c>.</summary>
    public string Verb { get; }

    /// <summary>What it acts on: <c>memory</c> or <c>memories</c>.</summary>
    public string Noun { get; }

    /// <summary>True when it addresses one memory by id, so that a 404 means that memory is not there.</summary>
    public bool OnMemory { get; }

    /// <summary>The name of its span, such as <c>Mielto DELETE memory</c>.</summary>
    public string SpanName { get; }

    /// <summary>What the API's own 404 about the memory means for it, and what to do (null unless <see cref="OnMemory"/>).</summary>
    public string? NotFoundAdvice { get; }

    /// <summary>The call as messages name it: <c>GET memory 'mem_1'</c>, <c>LIST memories</c>.</summary>
    public string Describe(string? memoryId) => memoryId is null ? $"{Verb} {Noun}" : $"{Verb} {Noun} '{memoryId}'";
}
