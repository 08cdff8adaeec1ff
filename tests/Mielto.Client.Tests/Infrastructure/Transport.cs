namespace Mielto.Client.Tests.Infrastructure;

/// <summary>What .NET's socket handler does beneath the SDK's one retry layer.</summary>
public static class Transport
{
    /// <summary>
    /// How many times the socket handler sends a request without a body (a get, a list, a delete) in one of the
    /// SDK's attempts when each connection closes before any byte of a response: once, and again on a new
    /// connection up to 3 times (its <c>MaxConnectionFailureRetries</c>), as it does for every
    /// <see cref="HttpClient"/>. A request with a body is sent once per attempt.
    /// </summary>
    public const int MostSendsPerBodilessAttempt = 4;
}
