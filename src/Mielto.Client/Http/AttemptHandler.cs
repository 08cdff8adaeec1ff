namespace Mielto.Client.Http;

/// <summary>
/// The innermost SDK handler, run once per attempt inside the retry and per-attempt timeout layers: it reads
/// the response body (capped) while the attempt's timeout still applies, so that a stalled or cut body is a
/// failed attempt that can be retried rather than a hang after the pipeline, and notes on the body which
/// attempt it came from.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = MieltoResilience.AttemptOf(request);
        var sending = base.SendAsync(request, cancellationToken);
        if (!sending.IsCompletedSuccessfully)
        {
            return ReadAfterAsync(sending, attempt, cancellationToken);
        }

        // An answer that is already complete (an in-memory handler, a cached response) needs no state machine:
        // the same completed task is returned once its body is buffered.
        var response = sending.Result;
        var reading = ResponseBody.GetAsync(response, cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return FinishAsync(response, reading, attempt);
        }

        reading.Result.Attempt = attempt;
        return sending;
    }

    private static async Task<HttpResponseMessage> ReadAfterAsync(Task<HttpResponseMessage> sending, int attempt, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);
        try
        {
            (await ResponseBody.GetAsync(response, cancellationToken).ConfigureAwait(false)).Attempt = attempt;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> FinishAsync(HttpResponseMessage response, ValueTask<BufferedContent> reading, int attempt)
    {
        try
        {
            (await reading.ConfigureAwait(false)).Attempt = attempt;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
