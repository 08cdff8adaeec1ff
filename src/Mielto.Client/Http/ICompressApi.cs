using Mielto.Client.Operations;
using Refit;

namespace Mielto.Client.Http;

/// <summary>The Mielto compress endpoint as Refit describes it.</summary>
internal interface ICompressApi
{
    /// <summary><c>POST /api/v1/compress</c>: not idempotent, and with its own time limit.</summary>
    [Post("/api/v1/compress")]
    Task<HttpResponseMessage> CompressAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] CompressWire body,
        [Header("X-Workspace-Id")] string? workspaceId,
        [Property(MieltoResilience.NotIdempotentProperty)] bool notIdempotent,
        [Property(MieltoResilience.TimeoutProperty)] TimeSpan timeout,
        CancellationToken cancellationToken);
}
