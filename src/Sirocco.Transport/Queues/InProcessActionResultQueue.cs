using System.Threading.Channels;

namespace Sirocco.Transport.Queues;

/// <summary>
/// The embedded result path with the same contract as a broker's: runners report into it, an engine
/// receives from it and acknowledges. Unlike <see cref="ChannelActionResultSink"/> it keeps deliveries
/// that were received and not acknowledged, so <see cref="RequeueUnacknowledged"/> can hand them out again.
/// Claims are answered by <c>claim</c> when given (the engine that owns the calls), else kept in memory.
/// </summary>
public sealed class InProcessActionResultQueue : IActionResultSink, IActionResultSource
{
    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>();
    private readonly Dictionary<long, Entry> _unacknowledged = [];
    private readonly Lock _gate = new();
    private readonly FirstClaimWins _memory = new();
    private readonly Func<string, string, CancellationToken, ValueTask<bool>>? _claim;
    private long _nextTag;

    /// <summary>Creates the queue; <paramref name="claim"/> answers runners' claims (default: first claimant wins, in memory).</summary>
    public InProcessActionResultQueue(Func<string, string, CancellationToken, ValueTask<bool>>? claim = null)
    {
        _claim = claim;
    }

    /// <summary>Deliveries waiting.</summary>
    public int Count => _queue.Reader.Count;

    /// <summary>Deliveries received and neither acknowledged nor given back.</summary>
    public int UnacknowledgedCount
    {
        get
        {
            lock (_gate)
            {
                return _unacknowledged.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        _claim is { } claim ? claim(actionExecutionId, claimant, cancellationToken) : ValueTask.FromResult(_memory.Claim(actionExecutionId, claimant));

    /// <inheritdoc />
    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _queue.Writer.WriteAsync(new Entry(result, [], Redelivered: false), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionIds);
        return _queue.Writer.WriteAsync(new Entry(null, [.. actionExecutionIds], Redelivered: false), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IActionResultDelivery> ReceiveAsync(CancellationToken cancellationToken)
    {
        var entry = await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var tag = ++_nextTag;
            _unacknowledged[tag] = entry;
            return new Delivery(this, tag, entry);
        }
    }

    /// <summary>Puts every received, unacknowledged delivery back, flagged redelivered (an engine crashed).</summary>
    public int RequeueUnacknowledged()
    {
        List<Entry> entries;
        lock (_gate)
        {
            entries = [.. _unacknowledged.OrderBy(p => p.Key).Select(p => p.Value)];
            _unacknowledged.Clear();
        }

        foreach (var entry in entries)
        {
            _queue.Writer.TryWrite(entry with { Redelivered = true });
        }

        return entries.Count;
    }

    private bool Settle(long tag)
    {
        lock (_gate)
        {
            return _unacknowledged.Remove(tag);
        }
    }

    private sealed record Entry(ActionResultMessage? Result, IReadOnlyCollection<string> HeartbeatIds, bool Redelivered);

    private sealed class Delivery(InProcessActionResultQueue queue, long tag, Entry entry) : IActionResultDelivery
    {
        public ActionResultMessage? Result => entry.Result;

        public IReadOnlyCollection<string> HeartbeatIds => entry.HeartbeatIds;

        public bool Redelivered => entry.Redelivered;

        public ValueTask AckAsync(CancellationToken cancellationToken = default)
        {
            queue.Settle(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default)
        {
            if (queue.Settle(tag) && requeue)
            {
                queue._queue.Writer.TryWrite(entry with { Redelivered = true });
            }

            return ValueTask.CompletedTask;
        }
    }
}
