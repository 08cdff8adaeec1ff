namespace Mielto.Client.Http;

/// <summary>
/// Travels with one call's request through the handler pipeline (in the request's options), so that the
/// client can tell how many attempts the retry layer made.
/// </summary>
internal sealed class CallState
{
    /// <summary>The request option key that carries this state.</summary>
    public const string Key = "Mielto.CallState";

    public static readonly HttpRequestOptionsKey<CallState> OptionKey = new(Key);

    private int _attempts;

    /// <summary>The number of attempts sent so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Records that one more attempt is being sent and returns its number, from 1.</summary>
    public int BeginAttempt() => Interlocked.Increment(ref _attempts);
}
