using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mielto.Client.Diagnostics;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client.Bulk;

/// <summary>
/// Writes every memory of one user, and only the user's, as JSON lines: the API's own snake_case memory object, one
/// per <c>\n</c>-ended line, UTF-8 without a BOM. It streams page by page, so that memory use does not grow with the
/// number of memories.
/// </summary>
internal sealed class UserExport(Func<MemoryListOptions, string?, CancellationToken, IAsyncEnumerable<JsonElement>> list, ILogger logger)
{
    private const int PageSize = 100;

    /// <summary>Written to the destination once this much has gathered, and at the end.</summary>
    private const int FlushBytes = 64 * 1024;

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task<long> RunAsync(string userId, Stream destination, string? workspaceId, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes);
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MieltoJsonContext.Wire.Options.Encoder });
        await using (writer.ConfigureAwait(false))
        {
            long count = 0;
            var listing = new MemoryListOptions { UserId = userId, Limit = PageSize };
            await foreach (var memory in list(listing, workspaceId, cancellationToken).ConfigureAwait(false))
            {
                if (!string.Equals(MemoryListRawWire.Id(memory, "user_id"), userId, StringComparison.Ordinal))
                {
                    Log.ForeignMemorySkipped(logger, MemoryListRawWire.Id(memory, "memory_id")!, userId);
                    continue;
                }

                // The object as the API returned it: every field, nulls and fields the SDK does not model included.
                memory.WriteTo(writer);
                writer.Flush();
                writer.Reset();
                buffer.Write(NewLine);
                count++;
                if (buffer.WrittenCount >= FlushBytes)
                {
                    await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }

            await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}
