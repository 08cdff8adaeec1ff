namespace Mielto.Client;

/// <summary>
/// The root of every exception the SDK throws for a failed call. Bad arguments throw
/// <see cref="ArgumentException"/> before anything is sent, and your own cancellation throws
/// <see cref="OperationCanceledException"/>; everything else derives from this type.
/// </summary>
public class MieltoException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public MieltoException()
        : base("A call to the Mielto API failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What happened, which call, and what to do.</param>
    public MieltoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What happened, which call, and what to do.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public MieltoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
