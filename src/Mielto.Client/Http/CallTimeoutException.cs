namespace Mielto.Client.Http;

/// <summary>
/// Inside the HTTP pipeline: an attempt, or the whole call, ran past its limit. <see cref="MemoriesClient"/> turns
/// it into a <see cref="MieltoTimeoutException"/>; the retry layer retries an attempt that timed out.
/// </summary>
internal sealed class CallTimeoutException : TimeoutException
{
    public CallTimeoutException(TimeSpan limit, bool wholeCall, Exception inner, bool operationsOwn = false)
        : base(wholeCall ? $"The call did not complete within {limit}." : $"The attempt did not complete within {limit}.", inner)
    {
        Limit = limit;
        WholeCall = wholeCall;
        OperationsOwn = operationsOwn;
    }

    /// <summary>True when the limit was the operation's own (such as a compression's), not <see cref="MieltoClientOptions.Timeout"/>.</summary>
    public bool OperationsOwn { get; }

    /// <summary>The limit that ran out.</summary>
    public TimeSpan Limit { get; }

    /// <summary>True when the call's overall limit ran out; false when one attempt's did.</summary>
    public bool WholeCall { get; }
}
