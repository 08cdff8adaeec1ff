using System.Net;

namespace Mielto.Client.Testing;

/// <summary>One injected fault.</summary>
internal abstract record Fault
{
    /// <summary>Answer with a status (and <c>Retry-After</c>) instead of handling the request.</summary>
    public sealed record Status(HttpStatusCode Code, TimeSpan? RetryAfter) : Fault;

    /// <summary>Wait, then handle the request as usual.</summary>
    public sealed record Delay(TimeSpan Duration) : Fault;

    /// <summary>Break the connection without answering.</summary>
    public sealed record Drop : Fault;
}
