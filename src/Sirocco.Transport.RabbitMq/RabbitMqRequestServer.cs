using Microsoft.Extensions.Logging;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// The engine side of <see cref="RabbitMqRequestClient"/>: takes requests from <c>{prefix}.engine-requests</c>.
/// The engine applies a request, answers, and only then acknowledges it, so a request survives an engine that
/// dies half-way (it is redelivered to another). A body without a reply address is parked with the reason.
/// </summary>
public sealed class RabbitMqRequestServer : IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly ILogger _logger;
    private readonly QueueConsumer _consumer;
    private readonly string _queue;

    /// <summary>
    /// Consumes <paramref name="queue"/> (default <see cref="QueueNames.EngineRequests"/>) with the connection's
    /// prefetch: requests applied at once by this engine.
    /// </summary>
    public RabbitMqRequestServer(RabbitMqConnection connection, string? queue = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _logger = connection.LoggerFactory.CreateLogger<RabbitMqRequestServer>();
        _queue = queue ?? connection.Names.EngineRequests;
        _consumer = new QueueConsumer(connection, _queue, connection.Options.Prefetch);
    }

    /// <summary>The next request.</summary>
    public async ValueTask<EngineRequestDelivery> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var raw = await _consumer.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (raw.Type == MessageCodec.EngineRequestType && raw.ReplyTo is not null && raw.CorrelationId is not null)
            {
                return new EngineRequestDelivery(_connection, raw);
            }

            await Parking.ParkAsync(_connection, raw, _queue, $"not an engine request: type '{raw.Type}', reply-to '{raw.ReplyTo}'", _logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops receiving; unacknowledged requests go back to the broker for other engines.</summary>
    public ValueTask DisposeAsync() => _consumer.DisposeAsync();
}
