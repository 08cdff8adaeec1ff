namespace Mielto.Client.Http;

/// <summary>A line of a streamed response ran longer than <see cref="MieltoClientOptions.MaxChatEventBytes"/>.</summary>
internal sealed class EventLineTooLongException(int limit)
    : IOException($"An event line of the stream ran longer than {nameof(MieltoClientOptions.MaxChatEventBytes)} ({limit} bytes).")
{
    public int Limit { get; } = limit;
}
