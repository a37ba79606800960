using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// Keeps one subscription to a queue alive across broker restarts: subscribes with manual acks and the
/// configured prefetch, buffers deliveries for readers, and when its channel dies subscribes again on the
/// next connection. Deliveries of a dead channel are skipped, the broker redelivers them.
/// </summary>
internal sealed class QueueConsumer : IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly string _queue;
    private readonly ushort _prefetch;
    private readonly ILogger _logger;
    private readonly Channel<RawDelivery> _buffer = Channel.CreateUnbounded<RawDelivery>();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private readonly Func<IChannel, CancellationToken, Task>? _declare;
    private IChannel? _channel;

    /// <summary>Consumes <paramref name="queue"/>; <paramref name="declare"/> replaces the work-queue declaration (e.g. a private reply queue).</summary>
    public QueueConsumer(RabbitMqConnection connection, string queue, ushort prefetch, Func<IChannel, CancellationToken, Task>? declare = null)
    {
        _connection = connection;
        _queue = queue;
        _prefetch = prefetch;
        _declare = declare;
        _logger = connection.LoggerFactory.CreateLogger<QueueConsumer>();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(connection.Disposing);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Times this consumer subscribed (1 + resubscriptions after a lost channel).</summary>
    public int Subscriptions { get; private set; }

    public async ValueTask<RawDelivery> ReadAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        while (true)
        {
            var delivery = await _buffer.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            if (delivery.IsLive)
            {
                return delivery;
            }
        }
    }

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

        var channel = _channel;
        if (channel is not null)
        {
            try
            {
                // Closing the channel hands every unacknowledged delivery back to the broker.
                await channel.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (Transient.Is(ex))
            {
                // Already closed.
            }

            channel.Dispose();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        for (var attempt = 0; !stop.IsCancellationRequested;)
        {
            try
            {
                var closed = await SubscribeAsync(stop).ConfigureAwait(false);
                attempt = 0;
                var reason = await closed.Task.WaitAsync(stop).ConfigureAwait(false);
                _logger.ConsumerLost(_queue, reason);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested && Transient.Is(ex))
            {
                var delay = Backoff.Delay(attempt++, _connection.Options.ReconnectDelayMin, _connection.Options.ReconnectDelayMax);
                _logger.SubscribeFailed(_queue, attempt, delay, ex);
                await Task.Delay(delay, _connection.Time, stop).ConfigureAwait(false);
            }
        }
    }

    private async Task<TaskCompletionSource<string>> SubscribeAsync(CancellationToken stop)
    {
        var connection = await _connection.GetAsync(stop).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: stop).ConfigureAwait(false);
        var previous = Interlocked.Exchange(ref _channel, channel);
        previous?.Dispose();
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, e) =>
        {
            closed.TrySetResult(e.ReplyText);
            return Task.CompletedTask;
        };
        await channel.BasicQosAsync(prefetchSize: 0, _prefetch, global: false, stop).ConfigureAwait(false);
        if (_declare is not null)
        {
            await _declare(channel, stop).ConfigureAwait(false);
        }
        else
        {
            await _connection.EnsureWorkQueueAsync(channel, _queue, stop).ConfigureAwait(false);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            var delivery = new RawDelivery(channel, e.DeliveryTag, e.Redelivered, e.Body.ToArray(), e.BasicProperties.Type, DeathReason(e.BasicProperties))
            {
                ReplyTo = e.BasicProperties.ReplyTo,
                CorrelationId = e.BasicProperties.CorrelationId,
            };
            _buffer.Writer.TryWrite(delivery);
            RabbitMqMetrics.Delivered.Add(1);
            if (e.Redelivered)
            {
                RabbitMqMetrics.Redelivered.Add(1);
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(_queue, autoAck: false, consumer, stop).ConfigureAwait(false);
        Subscriptions++;
        return closed;
    }

    internal static string? DeathReason(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers ? HeaderText(headers, "x-first-death-reason") : null;

    internal static string? HeaderText(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            null => null,
            _ => value.ToString(),
        } : null;
}
