using Microsoft.Extensions.Logging;

namespace Sirocco.Actions.Runner;

/// <summary>Log messages of the action runner, with stable event ids.</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Running action {ActionName} [ActionExecutionId={ActionExecutionId}]")]
    public static partial void LogStarting(this ILogger logger, string actionName, string actionExecutionId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Action {ActionName} finished: {Kind} [ActionExecutionId={ActionExecutionId}]")]
    public static partial void LogFinished(this ILogger logger, string actionName, string kind, string actionExecutionId);

    // Debug: with at-least-once delivery a repeat is routine, and a delegate's callback often completes the call
    // before its own delivery is claimed (a console line each cost a server 3 % of its CPU in the async benchmark).
    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Ignoring a repeated delivery of action execution {ActionExecutionId}: it is {Where}")]
    public static partial void LogDuplicate(this ILogger logger, string actionExecutionId, string where);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Action {ActionName} raised an exception [ActionExecutionId={ActionExecutionId}]")]
    public static partial void LogActionException(this ILogger logger, Exception exception, string actionName, string actionExecutionId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Could not report the result of action execution {ActionExecutionId}; it goes back to the queue")]
    public static partial void LogReportFailed(this ILogger logger, Exception exception, string actionExecutionId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Could not send heartbeats for {Count} running actions")]
    public static partial void LogHeartbeatFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "The runner failed while handling action execution {ActionExecutionId}")]
    public static partial void LogRunnerFault(this ILogger logger, Exception exception, string actionExecutionId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Could not claim action execution {ActionExecutionId}; trying again in {BackOff}")]
    public static partial void LogClaimFailed(this ILogger logger, Exception exception, string actionExecutionId, TimeSpan backOff);
}
