namespace Sirocco.Transport.RabbitMq;

/// <summary>How Sirocco talks to RabbitMQ. Every node of every role uses the same broker and prefix.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The broker, with credentials and virtual host: <c>amqp://user:password@host:5672/vhost</c>.</summary>
    public Uri Uri { get; set; } = new("amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>Prefix of every queue and exchange Sirocco declares, so several installations can share a broker.</summary>
    public string Prefix { get; set; } = "sirocco";

    /// <summary>
    /// Unacknowledged messages the broker hands one consumer at a time (AMQP <c>basic.qos</c>). Default 16;
    /// an executor sets it near its action concurrency so that idle executors get the rest.
    /// </summary>
    public ushort Prefetch { get; set; } = 16;

    /// <summary>
    /// Deliveries after which a message is parked in the dead-letter queue (quorum queue <c>x-delivery-limit</c>):
    /// a message that kills every consumer it reaches must not circulate for ever. Default 10.
    /// </summary>
    public int DeliveryLimit { get; set; } = 10;

    /// <summary>First wait before reconnecting after the broker went away. Default 100 ms; doubled per failure.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnection attempts. Default 10 s.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a publish waits for the broker's confirm, per attempt. Default 30 s.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Channels used for confirmed publishing in parallel. Default 4.</summary>
    public int PublishChannels { get; set; } = 4;

    /// <summary>Name shown for the connection in the broker's management tools.</summary>
    public string ClientName { get; set; } = "sirocco";

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(Prefix);
        ArgumentOutOfRangeException.ThrowIfZero(Prefetch);
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveryLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectDelayMin, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelayMax, ReconnectDelayMin);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConfirmTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(PublishChannels, 1);
    }
}
