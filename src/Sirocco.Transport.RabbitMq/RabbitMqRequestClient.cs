using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// How an API node hands a state-changing request to the engines: the request is published persistent with a
/// publisher confirm to <c>{prefix}.engine-requests</c> (so once <see cref="CallAsync"/> has passed the
/// confirm, the request survives this process and the broker), and any engine applies it and answers on this
/// process's private reply queue. A lost answer (engine died after committing, broker restart) only costs the
/// caller a timeout; the request itself is redelivered to another engine, and engines treat repeats as duplicates.
/// </summary>
public sealed class RabbitMqRequestClient : IAsyncDisposable
{
    // The broker deletes a reply queue nobody consumed for this long (a crashed API node's).
    private const int ReplyQueueExpiryMs = 10 * 60 * 1000;

    private readonly RabbitMqConnection _connection;
    private readonly string _replyQueue;
    private readonly string _requestQueue;
    private readonly QueueConsumer _replies;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>
    /// Starts listening for answers on a reply queue of its own; requests go to <paramref name="requestQueue"/>
    /// (default <see cref="QueueNames.EngineRequests"/>).
    /// </summary>
    public RabbitMqRequestClient(RabbitMqConnection connection, string? requestQueue = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _requestQueue = requestQueue ?? connection.Names.EngineRequests;
        _replyQueue = connection.Names.Replies(Guid.NewGuid().ToString("N"));
        _replies = new QueueConsumer(connection, _replyQueue, prefetch: 256, DeclareReplyQueueAsync);
        _loop = Task.Run(() => ReadRepliesAsync(_stop.Token));
    }

    /// <summary>Requests sent and not answered yet.</summary>
    public int Pending => _pending.Count;

    /// <summary>
    /// Publishes <paramref name="body"/> (confirmed) and waits for an engine's answer. Throws
    /// <see cref="TimeoutException"/> when none came within <paramref name="timeout"/> — the request is then
    /// still queued and will be applied when an engine takes it.
    /// </summary>
    public async Task<byte[]> CallAsync(byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            var properties = MessageCodec.Properties(MessageCodec.EngineRequestType, id);
            properties.ReplyTo = _replyQueue;
            properties.CorrelationId = id;
            await _connection.Publisher.PublishAsync(_requestQueue, properties, body, workQueue: true, cancellationToken).ConfigureAwait(false);
            return await answer.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Stops listening; callers still waiting time out.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await _replies.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task DeclareReplyQueueAsync(IChannel channel, CancellationToken cancellationToken)
    {
        // Classic and not durable: answers are worth nothing after a broker restart (the caller has timed
        // out), and the queue is declared again on every resubscription.
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal) { ["x-expires"] = ReplyQueueExpiryMs };
        await channel.QueueDeclareAsync(_replyQueue, durable: false, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        _ready.TrySetResult();
    }

    private async Task ReadRepliesAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var delivery = await _replies.ReadAsync(stop).ConfigureAwait(false);
            await delivery.AckAsync(stop).ConfigureAwait(false);
            if (delivery.CorrelationId is { } id && _pending.TryGetValue(id, out var answer))
            {
                answer.TrySetResult(delivery.Body);
            }
        }
    }
}
