using System.Buffers;

namespace Mielto.Client.Http;

/// <summary>Reads response bodies into memory with a cap, so that no server can make the SDK buffer without end.</summary>
internal static class ResponseBody
{
    /// <summary>The most the SDK reads of one body: far above any Mielto memory response.</summary>
    public const int MaxBytes = 256 * 1024;

    private const int InitialBufferBytes = 1024;

    /// <summary>
    /// Returns the response's body as a <see cref="BufferedContent"/> holding at most <see cref="MaxBytes"/> of
    /// it, reading it and replacing the response's content the first time. A failure while reading is a
    /// <see cref="HttpRequestException"/>, which the retry layer treats like any other transport failure.
    /// </summary>
    public static async ValueTask<BufferedContent> GetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is BufferedContent done)
        {
            return done;
        }

        BufferedContent buffered;
        try
        {
            buffered = await ReadCappedAsync(original, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The connection failed while the response body was being read: {ex.Message}", ex);
        }

        // The transport's content headers stay readable after it is disposed: keeping them costs nothing, where
        // copying them onto the buffered content would cost every call.
        buffered.OriginalHeaders = original.Headers;
        response.Content = buffered;
        original.Dispose();
        return buffered;
    }

    private static async ValueTask<BufferedContent> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return new BufferedContent(null, 0, truncated: false);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte past the cap tells a body of exactly MaxBytes from a longer one.
            var buffer = ArrayPool<byte>.Shared.Rent(declared is { } length and <= MaxBytes ? (int)length + 1 : InitialBufferBytes);
            var count = 0;
            try
            {
                while (true)
                {
                    // A rented buffer may be longer than asked for: never read past one byte beyond the cap.
                    var limit = Math.Min(buffer.Length, MaxBytes + 1);
                    if (count == limit)
                    {
                        if (count > MaxBytes)
                        {
                            return new BufferedContent(buffer, MaxBytes, truncated: true);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        continue;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(count, limit - count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new BufferedContent(buffer, count, truncated: false);
                    }

                    count += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }
}
