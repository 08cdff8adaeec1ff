using Microsoft.Extensions.Logging;

namespace Mielto.Client.Diagnostics;

/// <summary>The SDK's log messages, source-generated so that a disabled level costs one check.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "MieltoCallCompleted", Level = LogLevel.Debug,
        Message = "Mielto {Operation} {Resource} {Id}: {StatusCode} after {Attempts} attempt(s) in {ElapsedMs:0.0} ms")]
    public static partial void CallCompleted(ILogger logger, string operation, string resource, string id, int statusCode, int attempts, double elapsedMs);

    [LoggerMessage(EventId = 2, EventName = "MieltoCallFailed", Level = LogLevel.Debug,
        Message = "Mielto {Operation} {Resource} {Id} failed: {ErrorType} after {ElapsedMs:0.0} ms")]
    public static partial void CallFailed(ILogger logger, string operation, string resource, string id, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "MieltoCollectionCallCompleted", Level = LogLevel.Debug,
        Message = "Mielto {Operation} {Resource}: {StatusCode} after {Attempts} attempt(s) in {ElapsedMs:0.0} ms")]
    public static partial void CollectionCallCompleted(ILogger logger, string operation, string resource, int statusCode, int attempts, double elapsedMs);

    [LoggerMessage(EventId = 4, EventName = "MieltoCollectionCallFailed", Level = LogLevel.Debug,
        Message = "Mielto {Operation} {Resource} failed: {ErrorType} after {ElapsedMs:0.0} ms")]
    public static partial void CollectionCallFailed(ILogger logger, string operation, string resource, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 5, EventName = "MieltoForeignMemorySkipped", Level = LogLevel.Warning,
        Message = "Mielto listed memory {MemoryId}, which belongs to another user, among the memories of user {UserId}; it was left untouched")]
    public static partial void ForeignMemorySkipped(ILogger logger, string memoryId, string userId);
}
