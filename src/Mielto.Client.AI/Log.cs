using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI;

/// <summary>The package's log messages, source-generated so that a disabled level costs one check.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, EventName = "MieltoToolFailed", Level = LogLevel.Warning,
        Message = "The Mielto memory tool {Tool} failed; the model was told so in a short message")]
    public static partial void ToolFailed(ILogger logger, Exception exception, string tool);

    [LoggerMessage(EventId = 102, EventName = "MieltoRecallFailed", Level = LogLevel.Warning,
        Message = "Recalling Mielto memories failed; the chat goes on without them")]
    public static partial void RecallFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 104, EventName = "MieltoRecallTimedOut", Level = LogLevel.Warning,
        Message = "Recalling Mielto memories took longer than the recall budget ({BudgetMs} ms); the chat goes on without them")]
    public static partial void RecallTimedOut(ILogger logger, double budgetMs);

    [LoggerMessage(EventId = 103, EventName = "MieltoStoreFailed", Level = LogLevel.Warning,
        Message = "Storing what the user said in Mielto failed after the SDK's retries; that memory is not kept")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 105, EventName = "MieltoStoreDropped", Level = LogLevel.Warning,
        Message = "The Mielto memory store queue is full ({Capacity} pending); a memory was dropped, not stored")]
    public static partial void StoreDropped(ILogger logger, int capacity);

    [LoggerMessage(EventId = 106, EventName = "MieltoStoreLost", Level = LogLevel.Warning,
        Message = "{Count} Mielto memory store(s) were still pending when the queue was disposed and are not stored")]
    public static partial void StoreLost(ILogger logger, long count);
}
