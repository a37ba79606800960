using Microsoft.Extensions.Logging;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// Moves a message nobody can process into the dead-letter queue with the reason, then acknowledges it.
/// The park is confirmed before the ack, so a crash in between leaves the message where it was.
/// </summary>
internal static class Parking
{
    public static async Task ParkAsync(RabbitMqConnection connection, RawDelivery delivery, string queue, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        var properties = MessageCodec.Parked(delivery.Type, reason, queue);
        await connection.Publisher.PublishAsync(connection.Names.DeadLetters, properties, delivery.Body, workQueue: false, cancellationToken).ConfigureAwait(false);
        await delivery.AckAsync(cancellationToken).ConfigureAwait(false);
        logger.Parked(queue, reason);
        RabbitMqMetrics.Parked.Add(1);
    }
}
