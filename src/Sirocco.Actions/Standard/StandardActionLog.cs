using Microsoft.Extensions.Logging;

namespace Sirocco.Actions.Standard;

/// <summary>Log messages of the std.* actions.</summary>
internal static partial class StandardActionLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "std.ssh: command {Command} failed on {Host}")]
    public static partial void LogSshFailure(this ILogger logger, Exception exception, string command, string host);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "std.email: sending through {SmtpServer} failed")]
    public static partial void LogEmailFailure(this ILogger logger, Exception exception, string smtpServer);
}
