using Microsoft.Extensions.Logging;
using Sirocco.Transport.Queues;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// The result path on RabbitMQ: executors report into one durable queue (<c>{prefix}.results</c>) and any
/// engine node takes the next result from it — ordering per execution is the engine's business (its
/// per-execution lock), not the queue's. Reports return after the broker's confirm, so an executor
/// acknowledges its request only once the result is safe. Claims are not a queue's business: the broker holds no
/// state of calls, so they go through the claim function given (the executor's request/reply path to an engine).
/// </summary>
public sealed class RabbitMqActionResultQueue : IActionResultSink, IActionResultSource, IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly ushort _prefetch;
    private readonly ILogger _logger;
    private readonly Lazy<QueueConsumer> _consumer;
    private readonly Func<string, string, CancellationToken, ValueTask<bool>>? _claim;

    /// <summary>
    /// Uses a shared connection; <paramref name="prefetch"/> overrides the connection's option for receiving;
    /// <paramref name="claim"/> answers a runner's claims (without it, an engine-side queue, claims are refused).
    /// </summary>
    public RabbitMqActionResultQueue(RabbitMqConnection connection, ushort? prefetch = null, Func<string, string, CancellationToken, ValueTask<bool>>? claim = null)
    {
        _claim = claim;
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _prefetch = prefetch ?? connection.Options.Prefetch;
        _logger = connection.LoggerFactory.CreateLogger<RabbitMqActionResultQueue>();
        _consumer = new Lazy<QueueConsumer>(() => new QueueConsumer(_connection, _connection.Names.Results, _prefetch));
    }

    /// <inheritdoc />
    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        _claim is { } claim ? claim(actionExecutionId, claimant, cancellationToken) : throw new NotSupportedException("This result queue was created without a claim function; runners need one to claim calls.");

    /// <inheritdoc />
    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var properties = MessageCodec.Properties(MessageCodec.ResultType, result.ActionExecutionId);
        await _connection.Publisher.PublishAsync(_connection.Names.Results, properties, MessageCodec.Encode(result), workQueue: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionIds);
        var properties = MessageCodec.Properties(MessageCodec.HeartbeatType, messageId: null);
        await _connection.Publisher.PublishAsync(_connection.Names.Results, properties, MessageCodec.Encode(actionExecutionIds), workQueue: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IActionResultDelivery> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var raw = await _consumer.Value.ReadAsync(cancellationToken).ConfigureAwait(false);
            string? error;
            if (raw.Type == MessageCodec.HeartbeatType)
            {
                var ids = MessageCodec.TryDecode<string[]>(raw.Body, out error);
                if (ids is not null)
                {
                    return new Delivery(raw, null, ids);
                }
            }
            else if (raw.Type == MessageCodec.ResultType)
            {
                var result = MessageCodec.TryDecode<ActionResultMessage>(raw.Body, out error);
                if (result is not null && !string.IsNullOrEmpty(result.ActionExecutionId))
                {
                    return new Delivery(raw, result, []);
                }

                error ??= "the result has no action execution id";
            }
            else
            {
                error = $"unexpected message type '{raw.Type}'";
            }

            await Parking.ParkAsync(_connection, raw, _connection.Names.Results, $"not a result: {error}", _logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops receiving; unacknowledged results go back to the broker for other engines.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_consumer.IsValueCreated)
        {
            await _consumer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class Delivery(RawDelivery raw, ActionResultMessage? result, IReadOnlyCollection<string> heartbeatIds) : IActionResultDelivery
    {
        public ActionResultMessage? Result { get; } = result;

        public IReadOnlyCollection<string> HeartbeatIds { get; } = heartbeatIds;

        public bool Redelivered => raw.Redelivered;

        public ValueTask AckAsync(CancellationToken cancellationToken = default) => raw.AckAsync(cancellationToken);

        public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default) => raw.NackAsync(requeue, cancellationToken);
    }
}
