using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// Publishes with publisher confirms: a publish returns only once the broker has taken responsibility
/// for the message (for a quorum queue: written to a majority). A lost connection, a timeout, a nack or
/// an unroutable return make it try again with back-off until the caller gives up, so a message may
/// reach the queue twice but is never reported sent when it was not. Channels are pooled and each is
/// used by one publisher at a time (concurrent publishing on one channel has had client bugs).
/// </summary>
internal sealed class ConfirmedPublisher : IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedChannel = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
    private readonly RabbitMqConnection _connection;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<(IConnection Owner, IChannel Channel)> _idle = [];

    public ConfirmedPublisher(RabbitMqConnection connection)
    {
        _connection = connection;
        _logger = connection.LoggerFactory.CreateLogger<ConfirmedPublisher>();
        _slots = new SemaphoreSlim(connection.Options.PublishChannels);
    }

    /// <summary>Messages confirmed by the broker since start.</summary>
    public long Confirmed => Interlocked.Read(ref _confirmed);

    private long _confirmed;

    /// <summary>Publishes to a queue through the default exchange, declaring the queue if needed.</summary>
    public async Task PublishAsync(string queue, BasicProperties properties, ReadOnlyMemory<byte> body, bool workQueue, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _connection.Disposing);
        cancellationToken = linked.Token;
        for (var attempt = 0; ; attempt++)
        {
            Exception failure;
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            IChannel? channel = null;
            IConnection? connection = null;
            try
            {
                connection = await _connection.GetAsync(cancellationToken).ConfigureAwait(false);
                channel = Rent(connection) ?? await connection.CreateChannelAsync(ConfirmedChannel, cancellationToken).ConfigureAwait(false);
                if (workQueue)
                {
                    await _connection.EnsureWorkQueueAsync(channel, queue, cancellationToken).ConfigureAwait(false);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_connection.Options.ConfirmTimeout);
                // mandatory: a message no queue takes comes back as an error instead of vanishing.
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body, timeout.Token).ConfigureAwait(false);
                _idle.Add((connection, channel));
                channel = null;
                Interlocked.Increment(ref _confirmed);
                RabbitMqMetrics.Confirmed.Add(1);
                return;
            }
            catch (PublishReturnException ex)
            {
                _connection.ForgetQueue(queue);
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException($"No confirm for a message to {queue} within {_connection.Options.ConfirmTimeout}.", ex);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Transient.Is(ex))
            {
                failure = ex;
            }
            finally
            {
                if (channel is not null)
                {
                    await DiscardAsync(channel).ConfigureAwait(false);
                }

                _slots.Release();
            }

            var delay = Backoff.Delay(attempt, _connection.Options.ReconnectDelayMin, _connection.Options.ReconnectDelayMax);
            _logger.PublishRetry(queue, attempt + 1, delay, failure);
            RabbitMqMetrics.PublishRetries.Add(1);
            await Task.Delay(delay, _connection.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await DiscardAsync(idle.Channel).ConfigureAwait(false);
        }
    }

    // A channel of an earlier connection may still claim to be open; publishing on it would never be confirmed.
    private IChannel? Rent(IConnection current)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Channel.IsOpen && ReferenceEquals(idle.Owner, current))
            {
                return idle.Channel;
            }

            _ = DiscardAsync(idle.Channel).AsTask();
        }

        return null;
    }

    private static async ValueTask DiscardAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (Transient.Is(ex))
        {
            // The channel died with its connection.
        }
    }
}
