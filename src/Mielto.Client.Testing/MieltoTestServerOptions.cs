namespace Mielto.Client.Testing;

/// <summary>Settings of a <see cref="MieltoTestServer"/>.</summary>
public sealed class MieltoTestServerOptions
{
    /// <summary>The one API key the server accepts. Defaults to a fresh random key per server.</summary>
    public string ApiKey { get; set; } = "mk_test_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The workspace the API key belongs to: the one a call without <c>X-Workspace-Id</c> acts in.
    /// Defaults to <c>wsp_default</c>.
    /// </summary>
    public string DefaultWorkspaceId { get; set; } = "wsp_default";

    /// <summary>Other workspaces the API key may name in <c>X-Workspace-Id</c>. Any other workspace is refused with 403.</summary>
    public IList<string> AdditionalWorkspaceIds { get; } = new List<string>();

    /// <summary>
    /// The name of a list page's array: <c>memories</c> (the default), as Mielto's API reference documents it, or
    /// <c>data</c>, as both official SDKs read it.
    /// </summary>
    public string ListArrayName { get; set; } = "memories";

    /// <summary>The clock of <c>created_at</c> and <c>updated_at</c>; a <c>FakeTimeProvider</c> makes them exact. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// When set, each API key may make this many requests per second (in windows of one second from the first
    /// request of each); beyond it the server answers 429 with <c>Retry-After</c> (whole seconds, as HTTP has them)
    /// until the window ends. Unset by default: no limit.
    /// </summary>
    public int? RateLimit { get; set; }

    /// <summary>
    /// Added before every answer, as a network and a server would add it: to see how code behaves with a realistic
    /// round trip (a recall budget, a queue of stores), and for benchmarks. Zero by default.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The length of the deterministic embedding of each chunk (<c>GET /api/v1/memories/chunks</c>). Defaults to 8.</summary>
    public int EmbeddingDimensions { get; set; } = 8;

    /// <summary>
    /// How long an uploaded content stays <c>processing</c> before its ingestion ends (measured on
    /// <see cref="TimeProvider"/>, when the content is next read). Zero by default: an upload is <c>completed</c> at once.
    /// </summary>
    public TimeSpan IngestionDelay { get; set; }

    /// <summary>
    /// Decides which ingestions fail: given a content's name, the <c>status_message</c> to fail it with, or null to
    /// complete it. Null by default: every ingestion completes.
    /// </summary>
    public Func<string, string?>? IngestionFailure { get; set; }
}
