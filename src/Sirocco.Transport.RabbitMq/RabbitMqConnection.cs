using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// One AMQP connection per process, kept alive by Sirocco rather than by the client library's recovery:
/// when the broker goes away, the next caller reconnects with exponential back-off and declares the
/// topology again, and consumers resubscribe on their own (see <see cref="QueueConsumer"/>). Owning the
/// loop lets every caller see the same connection generation and drop deliveries of a dead channel.
/// </summary>
public sealed class RabbitMqConnection : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly ConcurrentDictionary<string, bool> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private int _generation;

    /// <summary>Prepares a connection; nothing is opened until the first queue operation.</summary>
    public RabbitMqConnection(RabbitMqOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Names = new QueueNames(options.Prefix);
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<RabbitMqConnection>();
        _time = timeProvider ?? TimeProvider.System;
        _factory = new ConnectionFactory
        {
            Uri = options.Uri,
            ClientProvidedName = options.ClientName,
            // Sirocco reconnects itself (see the class comment); the library's recovery would race with it.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
        };
        Publisher = new ConfirmedPublisher(this);
    }

    /// <summary>The options this connection was made with.</summary>
    public RabbitMqOptions Options { get; }

    /// <summary>The names of Sirocco's queues on this broker.</summary>
    public QueueNames Names { get; }

    /// <summary>How many times a connection was opened (1 after the first, +1 per reconnection).</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>True while a connection is open.</summary>
    public bool IsConnected => _connection is { IsOpen: true };

    internal ILoggerFactory LoggerFactory { get; }

    internal TimeProvider Time => _time;

    internal ConfirmedPublisher Publisher { get; }

    internal CancellationToken Disposing => _disposed.Token;

    /// <summary>Opens the connection now (retrying with back-off) instead of on first use; for readiness checks.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken) => await GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The open connection, connecting (with back-off, for as long as it takes) when there is none.</summary>
    internal async ValueTask<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        var current = _connection;
        if (current is { IsOpen: true })
        {
            return current;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        await _connectGate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            current = _connection;
            if (current is { IsOpen: true })
            {
                return current;
            }

            if (current is not null)
            {
                _connection = null;
                _ = DisposeQuietlyAsync(current);
            }

            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var connection = await _factory.CreateConnectionAsync(linked.Token).ConfigureAwait(false);
                    connection.ConnectionShutdownAsync += (_, e) =>
                    {
                        _logger.ConnectionLost(e.ReplyText);
                        return Task.CompletedTask;
                    };
                    _declared.Clear();
                    await using (var channel = await connection.CreateChannelAsync(cancellationToken: linked.Token).ConfigureAwait(false))
                    {
                        await Topology.DeclareCommonAsync(channel, Names, Options, linked.Token).ConfigureAwait(false);
                    }

                    _connection = connection;
                    _logger.Connected(Endpoint, Interlocked.Increment(ref _generation));
                    RabbitMqMetrics.Connections.Add(1);
                    return connection;
                }
                catch (Exception ex) when (!linked.IsCancellationRequested && Transient.Is(ex))
                {
                    var delay = Backoff.Delay(attempt, Options.ReconnectDelayMin, Options.ReconnectDelayMax);
                    _logger.ConnectFailed(Endpoint, attempt + 1, delay, ex);
                    await Task.Delay(delay, _time, linked.Token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>Declares a work queue once per connection (the broker forgets nothing durable, but may be new).</summary>
    internal async ValueTask EnsureWorkQueueAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        if (_declared.ContainsKey(queue))
        {
            return;
        }

        await Topology.DeclareWorkQueueAsync(channel, queue, Names, Options, cancellationToken).ConfigureAwait(false);
        _declared[queue] = true;
    }

    /// <summary>
    /// Messages ready in <paramref name="queue"/> and its consumers (a passive declare), or null when the broker
    /// is unreachable or the queue does not exist yet. For health and metrics endpoints.
    /// </summary>
    public async Task<(uint Messages, uint Consumers)?> QueueDepthAsync(string queue, CancellationToken cancellationToken)
    {
        if (_connection is not { IsOpen: true } connection)
        {
            return null;
        }

        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
            return (ok.MessageCount, ok.ConsumerCount);
        }
        catch (Exception ex) when (Transient.Is(ex) || ex is RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Forgets that a queue was declared, after the broker returned a message as unroutable.</summary>
    internal void ForgetQueue(string queue) => _declared.TryRemove(queue, out _);

    /// <summary>Closes the connection; pending operations end with <see cref="OperationCanceledException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        await Publisher.DisposeAsync().ConfigureAwait(false);
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await DisposeQuietlyAsync(connection).ConfigureAwait(false);
        }

        // _disposed stays undisposed: consumers still link to its (cancelled) token while they stop.
    }

    private static async Task DisposeQuietlyAsync(IConnection connection)
    {
        try
        {
            await connection.CloseAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception ex) when (Transient.Is(ex))
        {
            // Closing a connection the broker already dropped.
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private string Endpoint => $"{Options.Uri.Host}:{Options.Uri.Port}";
}
