namespace Mielto.Client.Http;

/// <summary>Reads response bodies into memory with a cap, so that no server can make the SDK buffer without end.</summary>
internal static class ResponseBody
{
    /// <summary>The most the SDK reads of one body: far above any Mielto memory response.</summary>
    public const int MaxBytes = 256 * 1024;

    private const int InitialBufferBytes = 1024;

    /// <summary>
    /// Replaces <paramref name="response"/>'s content with a <see cref="BufferedContent"/> holding at most
    /// <see cref="MaxBytes"/> of it. A failure while reading is a <see cref="HttpRequestException"/>, which the
    /// retry layer treats like any other transport failure.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is BufferedContent)
        {
            return;
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

        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        original.Dispose();
    }

    /// <summary>Returns the body that <see cref="BufferAsync"/> read, reading it now if no handler did.</summary>
    public static async ValueTask<BufferedContent> GetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return (BufferedContent)response.Content;
    }

    private static async Task<BufferedContent> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return new BufferedContent([], 0, truncated: false);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte past the cap tells a body of exactly MaxBytes from a longer one.
            var buffer = new byte[declared is { } length and <= MaxBytes ? (int)length + 1 : InitialBufferBytes];
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (buffer.Length > MaxBytes)
                    {
                        return new BufferedContent(buffer, MaxBytes, truncated: true);
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBytes + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BufferedContent(buffer, count, truncated: false);
                }

                count += read;
            }
        }
    }
}
