using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sirocco.Transport.Queues;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// The task queue on RabbitMQ: one durable quorum queue per <see cref="RunActionRequest.Target"/>
/// (<c>{prefix}.actions.{target}</c>), so executors can be pinned to the queue of the systems they reach.
/// Enqueue returns after the broker's confirm; a dequeued request stays on the broker until acknowledged,
/// and comes back flagged redelivered when its executor dies. A message that is not a request is parked
/// in the dead-letter queue with the reason instead of being handed out.
/// </summary>
public sealed class RabbitMqTaskQueue : ITaskQueue, IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly ushort _prefetch;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<QueueConsumer>> _consumers = new(StringComparer.Ordinal);

    /// <summary>Uses a shared connection; <paramref name="prefetch"/> overrides the connection's option for consumers.</summary>
    public RabbitMqTaskQueue(RabbitMqConnection connection, ushort? prefetch = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _prefetch = prefetch ?? connection.Options.Prefetch;
        _logger = connection.LoggerFactory.CreateLogger<RabbitMqTaskQueue>();
    }

    /// <inheritdoc />
    public async ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var properties = MessageCodec.Properties(MessageCodec.RunActionType, request.ActionExecutionId);
        await _connection.Publisher.PublishAsync(_connection.Names.Actions(request.Target), properties, MessageCodec.Encode(request), workQueue: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken)
    {
        var queue = _connection.Names.Actions(target);
        var consumer = _consumers.GetOrAdd(queue, q => new Lazy<QueueConsumer>(() => new QueueConsumer(_connection, q, _prefetch))).Value;
        while (true)
        {
            var raw = await consumer.ReadAsync(cancellationToken).ConfigureAwait(false);
            var request = MessageCodec.TryDecodeRequest(raw, out var error);
            if (request is not null)
            {
                return new RabbitMqTaskDelivery(raw, request);
            }

            await Parking.ParkAsync(_connection, raw, queue, $"not a run-action request: {error}", _logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops consuming; unacknowledged requests go back to the broker for other executors.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var consumer in _consumers.Values.Where(c => c.IsValueCreated))
        {
            await consumer.Value.DisposeAsync().ConfigureAwait(false);
        }

        _consumers.Clear();
    }

    private sealed class RabbitMqTaskDelivery(RawDelivery raw, RunActionRequest request) : ITaskDelivery
    {
        public RunActionRequest Request { get; } = request;

        public bool Redelivered => raw.Redelivered;

        public ValueTask AckAsync(CancellationToken cancellationToken = default) => raw.AckAsync(cancellationToken);

        // Without requeue the broker dead-letters it (reason "rejected") rather than dropping it silently.
        public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default) => raw.NackAsync(requeue, cancellationToken);
    }
}
