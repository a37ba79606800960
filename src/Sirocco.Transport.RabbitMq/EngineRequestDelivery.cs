namespace Sirocco.Transport.RabbitMq;

/// <summary>One request from an API node: answer it, then acknowledge it.</summary>
public sealed class EngineRequestDelivery
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly RabbitMqConnection _connection;
    private readonly RawDelivery _raw;

    internal EngineRequestDelivery(RabbitMqConnection connection, RawDelivery raw)
    {
        _connection = connection;
        _raw = raw;
    }

    /// <summary>The request as the API node encoded it.</summary>
    public byte[] Body => _raw.Body;

    /// <summary>True when an engine (or a broker restart) may have seen it before.</summary>
    public bool Redelivered => _raw.Redelivered;

    /// <summary>
    /// Sends the answer, best effort: a reply queue that is gone (API node died, broker restarted) means
    /// nobody waits for it any more, so a failure is swallowed after a short wait instead of retried.
    /// </summary>
    public async Task ReplyAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        var properties = MessageCodec.Properties(MessageCodec.EngineReplyType, messageId: null);
        properties.Persistent = false;
        properties.CorrelationId = _raw.CorrelationId;
        try
        {
            await _connection.Publisher.PublishAsync(_raw.ReplyTo!, properties, body, workQueue: false, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Nobody to answer to any more.
        }
    }

    /// <summary>Done: the broker forgets the request.</summary>
    public ValueTask AckAsync(CancellationToken cancellationToken = default) => _raw.AckAsync(cancellationToken);

    /// <summary>Gives the request back (for another engine), or parks it when <paramref name="requeue"/> is false.</summary>
    public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default) => _raw.NackAsync(requeue, cancellationToken);
}
