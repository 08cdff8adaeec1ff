namespace Mielto.Client;

/// <summary>
/// Settings for a <see cref="MieltoClient"/>. Bind them from configuration (the <c>Mielto</c> section, or
/// environment variables such as <c>MIELTO__APIKEY</c>) or set them in code. They are validated and copied
/// when the client is built; changing this object afterwards does not affect a client already built.
/// </summary>
/// <example>
/// <code>
/// services.AddMieltoClient(options =>
/// {
///     options.ApiKey = builder.Configuration["Mielto:ApiKey"];
///     options.WorkspaceId = "wsp_123";
/// });
/// </code>
/// </example>
public sealed class MieltoClientOptions
{
    /// <summary>The Mielto API address used when <see cref="BaseAddress"/> is not set: <c>https://api.mielto.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.mielto.com/");

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The address of the Mielto API. Defaults to <c>https://api.mielto.com/</c>. The operation paths
    /// (<c>api/v1/memories/...</c>) are appended to it, so a path prefix such as a gateway's is kept, and a
    /// trailing <c>/api/v1</c> is accepted without doubling the prefix. Must be <c>https</c>; plain <c>http</c>
    /// is accepted only for a loopback host (a local stand-in or proxy).
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The Mielto API key, sent in the header that <see cref="ApiKeyHeader"/> names. Required. It never appears in
    /// an exception, a log line or the SDK's telemetry.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Which header carries <see cref="ApiKey"/>: <c>Authorization: Bearer &lt;key&gt;</c> (the default) or
    /// <c>X-API-Key: &lt;key&gt;</c>. Mielto accepts either; exactly one is sent.
    /// </summary>
    public MieltoApiKeyHeader ApiKeyHeader { get; set; } = MieltoApiKeyHeader.Bearer;

    /// <summary>
    /// The workspace sent as the <c>X-Workspace-Id</c> header on every call, unless a call gives its own.
    /// Leave it unset to use the workspace that the API key belongs to.
    /// </summary>
    public string? WorkspaceId { get; set; }

    /// <summary>How long one attempt may take, response body included. Defaults to 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one compression (<see cref="ICompressClient.CompressAsync"/>) may take, in place of <see cref="Timeout"/>:
    /// Mielto compresses 10,000 to 50,000 characters in 50 to 200 seconds. Defaults to 5 minutes; a call can give its own.
    /// </summary>
    public TimeSpan CompressTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one chat response that is not streamed may take, in place of <see cref="Timeout"/>: a model writing a
    /// long answer takes more than a memory call. Defaults to 2 minutes.
    /// </summary>
    public TimeSpan ChatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a streamed chat may wait before its stream begins: for the response's headers (on each attempt), then
    /// for its first event. Defaults to 60 seconds. A streamed chat has no limit on its whole length; see
    /// <see cref="ChatIdleTimeout"/>.
    /// </summary>
    public TimeSpan ChatFirstByteTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest silence between two events of a streamed chat before it fails as timed out. Defaults to 30 seconds.</summary>
    public TimeSpan ChatIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest line of a streamed chat's events, in bytes, that the SDK reads: a longer one fails the stream with a
    /// typed error rather than filling memory. A stream as a whole has no size limit (<see cref="MaxResponseBytes"/> does
    /// not apply to it). Defaults to 1 MiB; between 1 KiB and 64 MiB.
    /// </summary>
    public int MaxChatEventBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// An optional limit on a whole call, all attempts and the delays between them included. Unset by default:
    /// a call then lasts at most about (<see cref="MaxRetries"/> + 1) × <see cref="Timeout"/> plus the delays.
    /// </summary>
    public TimeSpan? OverallTimeout { get; set; }

    /// <summary>
    /// How many times a call is retried after a transient failure (408, 429, 500, 502, 503, 504, a connection
    /// failure or an attempt timeout). Defaults to 3; 0 disables retries. At most 10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first delay of the exponential backoff between retries; each later delay doubles, with jitter.
    /// Defaults to 0.5 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest delay between two attempts, for the backoff and for a server's <c>Retry-After</c> alike.
    /// Defaults to 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most bytes the SDK reads of one response body; a longer body fails the call with a typed error instead
    /// of filling memory. Defaults to 16 MiB, far above a page of 100 memories of 64 KB each; between 1 KiB and
    /// 256 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Text appended to the <c>User-Agent</c> header (for example your application's name and version), so
    /// that Mielto can tell your traffic apart. Optional.
    /// </summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Copies every setting into <paramref name="target"/>.</summary>
    internal void CopyTo(MieltoClientOptions target)
    {
        target.BaseAddress = BaseAddress;
        target.ApiKey = ApiKey;
        target.ApiKeyHeader = ApiKeyHeader;
        target.MaxResponseBytes = MaxResponseBytes;
        target.WorkspaceId = WorkspaceId;
        target.Timeout = Timeout;
        target.OverallTimeout = OverallTimeout;
        target.CompressTimeout = CompressTimeout;
        target.ChatTimeout = ChatTimeout;
        target.ChatFirstByteTimeout = ChatFirstByteTimeout;
        target.ChatIdleTimeout = ChatIdleTimeout;
        target.MaxChatEventBytes = MaxChatEventBytes;
        target.MaxRetries = MaxRetries;
        target.RetryDelay = RetryDelay;
        target.MaxRetryDelay = MaxRetryDelay;
        target.UserAgentSuffix = UserAgentSuffix;
    }
}
