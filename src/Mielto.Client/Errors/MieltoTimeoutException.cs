namespace Mielto.Client;

/// <summary>
/// A call timed out: its last attempt took longer than <see cref="MieltoClientOptions.Timeout"/>, or the whole
/// call longer than <see cref="MieltoClientOptions.OverallTimeout"/>. Your own cancellation is never this type.
/// </summary>
public class MieltoTimeoutException : MieltoException
{
    /// <inheritdoc cref="MieltoException(string, Exception?)"/>
    public MieltoTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
