namespace Mielto.Client.Http;

/// <summary>
/// The innermost SDK handler, run once per attempt inside the retry and per-attempt timeout layers: it counts
/// the attempt and reads the response body (capped) while the attempt's timeout still applies, so that a
/// stalled or cut body is a failed attempt that can be retried rather than a hang after the pipeline.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(CallState.OptionKey, out var state))
        {
            state.BeginAttempt();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await ResponseBody.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
