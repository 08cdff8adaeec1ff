namespace Mielto.Client;

/// <summary>
/// The SDK could not reach Mielto or lost the connection (refused, reset, DNS, TLS, a malformed or cut
/// response), after its retries. <see cref="Exception.InnerException"/> holds the transport's exception.
/// </summary>
public class MieltoConnectionException : MieltoException
{
    /// <inheritdoc cref="MieltoException(string, Exception?)"/>
    public MieltoConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
