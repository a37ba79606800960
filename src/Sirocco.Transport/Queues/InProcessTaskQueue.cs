using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace Sirocco.Transport.Queues;

/// <summary>
/// The embedded task queue: one unbounded channel per target, in memory. Requests not acknowledged
/// survive only as long as the process; <see cref="RequeueUnacknowledged"/> hands them out again, which is
/// what a broker does when a consumer's connection drops. Cancellations go to every subscribed runner.
/// </summary>
public sealed class InProcessTaskQueue : ITaskQueue, IActionCancellation
{
    private readonly Lock _subscribersGate = new();

    // Taking a request out of its channel and counting it unacknowledged happen under this gate, and so do the
    // counts: a request being handed out is never missing from both.
    private readonly Lock _countGate = new();
    private ImmutableList<Action<string>> _subscribers = [];
    private readonly ConcurrentDictionary<string, Channel<Delivery>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Delivery> _unacknowledged = new();
    private long _nextTag;

    /// <summary>Requests waiting in all queues.</summary>
    public int Count
    {
        get
        {
            lock (_countGate)
            {
                return _queues.Values.Sum(q => q.Reader.Count);
            }
        }
    }

    /// <summary>Requests delivered and neither acknowledged nor given back.</summary>
    public int UnacknowledgedCount
    {
        get
        {
            lock (_countGate)
            {
                return _unacknowledged.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return QueueFor(request.Target).Writer.WriteAsync(new Delivery(this, request, redelivered: false), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken)
    {
        var reader = QueueFor(target).Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_countGate)
            {
                if (reader.TryRead(out var delivery))
                {
                    delivery.Tag = Interlocked.Increment(ref _nextTag);
                    _unacknowledged[delivery.Tag] = delivery;
                    return delivery;
                }
            }
        }

        throw new ChannelClosedException();
    }

    /// <inheritdoc />
    public ValueTask CancelAsync(string actionExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionExecutionId);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber(actionExecutionId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<string> onCancel)
    {
        ArgumentNullException.ThrowIfNull(onCancel);
        lock (_subscribersGate)
        {
            _subscribers = _subscribers.Add(onCancel);
        }

        return new Subscription(this, onCancel);
    }

    /// <summary>Puts every delivered, unacknowledged request back, flagged redelivered (a consumer crashed).</summary>
    public int RequeueUnacknowledged()
    {
        var count = 0;
        foreach (var tag in _unacknowledged.Keys)
        {
            if (_unacknowledged.TryRemove(tag, out var delivery))
            {
                Requeue(delivery.Request);
                count++;
            }
        }

        return count;
    }

    private void Requeue(RunActionRequest request) =>
        QueueFor(request.Target).Writer.TryWrite(new Delivery(this, request, redelivered: true));

    private Channel<Delivery> QueueFor(string target) =>
        _queues.GetOrAdd(target, static _ => Channel.CreateUnbounded<Delivery>());

    private sealed class Subscription(InProcessTaskQueue queue, Action<string> onCancel) : IDisposable
    {
        public void Dispose()
        {
            lock (queue._subscribersGate)
            {
                queue._subscribers = queue._subscribers.Remove(onCancel);
            }
        }
    }

    private sealed class Delivery(InProcessTaskQueue queue, RunActionRequest request, bool redelivered) : ITaskDelivery
    {
        public long Tag { get; set; }

        public RunActionRequest Request { get; } = request;

        public bool Redelivered { get; } = redelivered;

        public ValueTask AckAsync(CancellationToken cancellationToken = default)
        {
            queue._unacknowledged.TryRemove(Tag, out _);
            return ValueTask.CompletedTask;
        }

        public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default)
        {
            if (queue._unacknowledged.TryRemove(Tag, out _) && requeue)
            {
                queue.Requeue(Request);
            }

            return ValueTask.CompletedTask;
        }
    }
}
