namespace Mielto.Client.Http;

/// <summary>
/// Lets a bulk operation (an erasure) see the 429s that the call handler's retries would otherwise hide, so that it
/// can slow all its calls at once: it sets <see cref="Observer"/> for its own asynchronous flow, which every call
/// it makes inherits. Nothing is looked up unless an attempt is answered 429.
/// </summary>
internal static class RateLimitSignal
{
    private static readonly AsyncLocal<IRateLimitObserver?> Current = new();

    public static IRateLimitObserver? Observer
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
