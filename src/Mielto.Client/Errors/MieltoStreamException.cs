namespace Mielto.Client;

/// <summary>
/// A streamed response stopped before its end: the connection broke, the stream closed without its end marker
/// (<c>[DONE]</c>), the server reported an error in it, or it sent something that is not an event. It is thrown after
/// the updates that did arrive were yielded, so that nothing is cut short silently. A stream is never retried:
/// the server may already have acted on the request (a chat stores its messages).
/// </summary>
public class MieltoStreamException : MieltoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, and what to do.</param>
    /// <param name="eventsReceived">How many events had arrived.</param>
    /// <param name="innerException">The transport's exception, if any.</param>
    public MieltoStreamException(string message, int eventsReceived, Exception? innerException = null)
        : base(message, innerException)
    {
        EventsReceived = eventsReceived;
    }

    /// <summary>How many events had arrived before the stream stopped.</summary>
    public int EventsReceived { get; }
}
