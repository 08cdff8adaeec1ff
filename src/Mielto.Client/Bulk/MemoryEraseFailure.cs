using System.Net;

namespace Mielto.Client;

/// <summary>A memory an erasure could not delete.</summary>
/// <param name="MemoryId">Its id.</param>
/// <param name="Exception">Why: the exception of its last delete, after the SDK's retries.</param>
/// <param name="StatusCode">The status of that delete's response, when the server answered.</param>
public sealed record MemoryEraseFailure(string MemoryId, Exception Exception, HttpStatusCode? StatusCode);
