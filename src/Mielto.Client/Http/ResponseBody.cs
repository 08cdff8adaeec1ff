using System.Buffers;

namespace Mielto.Client.Http;

/// <summary>Reads response bodies into memory with a cap, so that no server can make the SDK buffer without end.</summary>
internal static class ResponseBody
{
    private const int InitialBufferBytes = 1024;

    /// <summary>
    /// Returns the response's body as a <see cref="BufferedContent"/> holding at most <paramref name="maxBytes"/>
    /// of it, reading it and replacing the response's content the first time. A failure while reading is a
    /// <see cref="HttpRequestException"/>, which the retry layer treats like any other transport failure.
    /// </summary>
    public static async ValueTask<BufferedContent> GetAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is BufferedContent done)
        {
            return done;
        }

        BufferedContent buffered;
        try
        {
            buffered = await ReadCappedAsync(original, maxBytes, cancellationToken).ConfigureAwait(false);
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

    private static async ValueTask<BufferedContent> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return new BufferedContent(null, 0, maxBytes, truncated: false);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte more than a declared length lets the read that finds the end fit without growing the buffer.
            var buffer = ArrayPool<byte>.Shared.Rent(declared is { } length && length <= maxBytes ? (int)Math.Min(length + 1, maxBytes) : InitialBufferBytes);
            var count = 0;
            try
            {
                while (true)
                {
                    // A rented buffer may be longer than asked for: never read past the cap.
                    var limit = Math.Min(buffer.Length, maxBytes);
                    if (count == limit)
                    {
                        if (count == maxBytes)
                        {
                            // Full: one more byte tells a body of exactly maxBytes from a longer one, without renting
                            // a buffer twice the cap's size for that one byte.
                            var more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                            return new BufferedContent(buffer, count, maxBytes, truncated: more);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes));
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        continue;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(count, limit - count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new BufferedContent(buffer, count, maxBytes, truncated: false);
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
