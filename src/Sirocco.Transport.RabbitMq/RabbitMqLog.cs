using Microsoft.Extensions.Logging;

namespace Sirocco.Transport.RabbitMq;

/// <summary>Source-generated log messages of the RabbitMQ transport (event ids 1100-1199; 1107 is RabbitMqClaimServer's).</summary>
internal static partial class RabbitMqLog
{
    [LoggerMessage(1100, LogLevel.Information, "Connected to RabbitMQ at {Endpoint} (connection {Generation})")]
    public static partial void Connected(this ILogger logger, string endpoint, int generation);

    [LoggerMessage(1101, LogLevel.Warning, "RabbitMQ at {Endpoint} unreachable (attempt {Attempt}); retrying in {Delay}")]
    public static partial void ConnectFailed(this ILogger logger, string endpoint, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "RabbitMQ connection lost: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string reason);

    [LoggerMessage(1103, LogLevel.Warning, "Consumer of {Queue} lost its channel: {Reason}; resubscribing")]
    public static partial void ConsumerLost(this ILogger logger, string queue, string reason);

    [LoggerMessage(1104, LogLevel.Warning, "Publish to {Queue} not confirmed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void PublishRetry(this ILogger logger, string queue, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1105, LogLevel.Error, "Parked a message from {Queue} in the dead-letter queue: {Reason}")]
    public static partial void Parked(this ILogger logger, string queue, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "Subscribing to {Queue} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void SubscribeFailed(this ILogger logger, string queue, int attempt, TimeSpan delay, Exception exception);
}
