using RabbitMQ.Client;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// The queues and exchanges Sirocco declares itself on every (re)connection, so a fresh broker needs no
/// set-up. Work queues are quorum queues: replicated and durable, and they count deliveries, which is what
/// lets the broker park a poison message after <see cref="RabbitMqOptions.DeliveryLimit"/> attempts.
/// Declarations are idempotent as long as the arguments do not change between versions.
/// </summary>
internal static class Topology
{
    public static async Task DeclareCommonAsync(IChannel channel, QueueNames names, RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(names.DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(names.DeadLetters, durable: true, exclusive: false, autoDelete: false, arguments: QuorumArguments(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(names.DeadLetters, names.DeadLetterExchange, routingKey: string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeclareWorkQueueAsync(channel, names.Results, names, options, cancellationToken).ConfigureAwait(false);
    }

    public static Task DeclareWorkQueueAsync(IChannel channel, string queue, QueueNames names, RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var arguments = QuorumArguments();
        arguments["x-dead-letter-exchange"] = names.DeadLetterExchange;
        arguments["x-delivery-limit"] = options.DeliveryLimit;
        return channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, object?> QuorumArguments() => new(StringComparer.Ordinal) { ["x-queue-type"] = "quorum" };
}
