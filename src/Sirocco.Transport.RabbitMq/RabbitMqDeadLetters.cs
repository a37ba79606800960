using System.Text;
using RabbitMQ.Client;

namespace Sirocco.Transport.RabbitMq;

/// <summary>Reads the dead-letter queue, for operators and tests: what was parked and why.</summary>
public sealed class RabbitMqDeadLetters(RabbitMqConnection connection)
{
    /// <summary>Messages parked now.</summary>
    public async Task<uint> CountAsync(CancellationToken cancellationToken = default)
    {
        var amqp = await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var channel = await amqp.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return await channel.MessageCountAsync(connection.Names.DeadLetters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes and returns the oldest parked message, or null when there is none.</summary>
    public async Task<ParkedMessage?> TakeAsync(CancellationToken cancellationToken = default)
    {
        var amqp = await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var channel = await amqp.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var got = await channel.BasicGetAsync(connection.Names.DeadLetters, autoAck: false, cancellationToken).ConfigureAwait(false);
        if (got is null)
        {
            return null;
        }

        var headers = got.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var reason = QueueConsumer.HeaderText(headers, MessageCodec.ReasonHeader)
            ?? QueueConsumer.HeaderText(headers, "x-first-death-reason")
            ?? "unknown";
        var source = QueueConsumer.HeaderText(headers, MessageCodec.SourceQueueHeader)
            ?? QueueConsumer.HeaderText(headers, "x-first-death-queue");
        var message = new ParkedMessage(reason, source, got.BasicProperties.Type, Encoding.UTF8.GetString(got.Body.Span));
        await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken).ConfigureAwait(false);
        return message;
    }
}
