using System.Diagnostics.Metrics;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// Counters of the RabbitMQ transport under the meter <c>Sirocco.Transport.RabbitMq</c>, for
/// <c>dotnet-counters monitor --counters Sirocco.Transport.RabbitMq</c> or an OpenTelemetry exporter.
/// </summary>
internal static class RabbitMqMetrics
{
    public const string MeterName = "Sirocco.Transport.RabbitMq";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages the broker confirmed.</summary>
    public static readonly Counter<long> Confirmed = Meter.CreateCounter<long>("sirocco.rabbitmq.confirmed", "{message}", "Messages published and confirmed by the broker.");

    /// <summary>Publish attempts that failed and were retried.</summary>
    public static readonly Counter<long> PublishRetries = Meter.CreateCounter<long>("sirocco.rabbitmq.publish_retries", "{attempt}", "Publishes retried after a lost connection, a nack, a return or a confirm timeout.");

    /// <summary>Connections opened (the first and every reconnection).</summary>
    public static readonly Counter<long> Connections = Meter.CreateCounter<long>("sirocco.rabbitmq.connections", "{connection}", "Connections opened to the broker.");

    /// <summary>Messages handed to consumers.</summary>
    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("sirocco.rabbitmq.delivered", "{message}", "Messages delivered to this process.");

    /// <summary>Messages delivered again after their consumer died.</summary>
    public static readonly Counter<long> Redelivered = Meter.CreateCounter<long>("sirocco.rabbitmq.redelivered", "{message}", "Messages delivered flagged redelivered.");

    /// <summary>Messages parked in the dead-letter queue by this process.</summary>
    public static readonly Counter<long> Parked = Meter.CreateCounter<long>("sirocco.rabbitmq.parked", "{message}", "Messages parked in the dead-letter queue.");
}
