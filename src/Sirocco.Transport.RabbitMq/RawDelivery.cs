using RabbitMQ.Client;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// A message as it came off a channel, copied out of the client's buffers. Settling it on a channel that
/// has died since is a no-op: the broker already put the message back and will deliver it again.
/// </summary>
internal sealed class RawDelivery(IChannel channel, ulong deliveryTag, bool redelivered, byte[] body, string? type, string? deathReason)
{
    private int _settled;

    public bool Redelivered { get; } = redelivered;

    public byte[] Body { get; } = body;

    /// <summary>The AMQP <c>type</c> property: what the body holds.</summary>
    public string? Type { get; } = type;

    /// <summary>Why the broker dead-lettered it, when it did (<c>x-first-death-reason</c>).</summary>
    public string? DeathReason { get; } = deathReason;

    /// <summary>Where a request wants its answer (AMQP <c>reply_to</c>), if anywhere.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Which request an answer belongs to (AMQP <c>correlation_id</c>).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>False once the channel it came on is closed: it will be (or was) delivered again.</summary>
    public bool IsLive => channel.IsOpen;

    public ValueTask AckAsync(CancellationToken cancellationToken) =>
        SettleAsync(c => c.BasicAckAsync(deliveryTag, multiple: false, cancellationToken));

    public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken) =>
        SettleAsync(c => c.BasicNackAsync(deliveryTag, multiple: false, requeue, cancellationToken));

    private async ValueTask SettleAsync(Func<IChannel, ValueTask> settle)
    {
        if (Interlocked.Exchange(ref _settled, 1) == 1 || !channel.IsOpen)
        {
            return;
        }

        try
        {
            await settle(channel).ConfigureAwait(false);
        }
        catch (Exception ex) when (Transient.Is(ex))
        {
            // The channel closed under us; the broker requeues what it did not see settled.
        }
    }
}
