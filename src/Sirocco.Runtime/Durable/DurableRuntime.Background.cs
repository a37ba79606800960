using Microsoft.Extensions.Logging;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Runtime.Durable;

/// <summary>Start-up recovery, the timer poller and retention.</summary>
public sealed partial class DurableRuntime
{
    private const int RecoveryPage = 500;
    private const int MaxLostAtStartUp = 100_000;

    /// <summary>
    /// After a crash: with runners in this process, report the sync actions they had claimed as lost (the engine
    /// reruns them where the task says <c>safe-rerun</c>, otherwise fails them with a clear reason) and send again
    /// the handed-over calls no runner claimed (they certainly never started); re-send every command still in
    /// the outbox; free this node's timer leases so late timers fire now.
    /// </summary>
    internal async Task RecoverAsync(CancellationToken ct)
    {
        // Listed before anything is re-sent: a re-sent call is marked SENT as it goes out and must not be mistaken
        // for one the previous incarnation left behind. The sets are disjoint: a call is marked SENT in the commit
        // that marks its outbox row dispatched, so the rows re-sent below are not among them.
        var (lost, unclaimed) = _options.LostActionsAtStartUp ? await ListLeftBehindAsync(ct).ConfigureAwait(false) : ([], []);

        var resent = 0;
        HashSet<long>? orphans = null;
        if (_options.OutboxRecoveryGrace > TimeSpan.Zero)
        {
            // Other live engines share the outbox: their rows committed a moment ago are undispatched too.
            // Only what is still undispatched after the grace is an orphan of this node's crash (re-sending a
            // row another engine is dispatching at this moment would only publish a duplicate that loses its claim).
            orphans = [.. (await ListAllUndispatchedAsync(ct).ConfigureAwait(false)).Select(m => m.Id)];
            if (orphans.Count > 0)
            {
                await Task.Delay(_options.OutboxRecoveryGrace, _options.Clock, ct).ConfigureAwait(false);
            }
        }

        foreach (var message in (await ListAllUndispatchedAsync(ct).ConfigureAwait(false)).Where(m => orphans is null || orphans.Contains(m.Id)).Concat(unclaimed))
        {
            // An undispatched row may have been published just before the crash: a runner may have the call
            // already. Sending it again is harmless: a call without safe-rerun runs only on the runner whose
            // claim wins; a safe one may run twice.
            _dispatch.Writer.TryWrite(message);
            resent++;
        }

        await _store.Durable.ReleaseTimerLeasesAsync(_options.NodeId, ct).ConfigureAwait(false);
        await Task.WhenAll(lost.Select(a => SubmitAsync(new ActionLost(a.WorkflowExecutionId!, a.Id), null, ct))).ConfigureAwait(false);
        LogRecovered(_logger, _options.NodeId, resent, lost.Count);
    }

    /// <summary>
    /// The calls this node's runners (in this process, so dead with it) may have had: those they claimed, and safe
    /// ones merely SENT, are lost; those SENT that need a claim and never got one never started, and their outbox
    /// rows are sent again.
    /// </summary>
    private async Task<(List<StoredAction> Lost, List<OutboxMessage> Unclaimed)> ListLeftBehindAsync(CancellationToken ct)
    {
        var candidates = (await _store.Durable.ListLostActionsAsync(_options.NodeId, MaxLostAtStartUp, ct).ConfigureAwait(false)).Where(a => a.WorkflowExecutionId is not null).ToList();
        var unclaimedIds = (await _store.Durable.ListUnclaimedActionsAsync(_options.NodeId, MaxLostAtStartUp, ct).ConfigureAwait(false)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var unclaimed = new List<OutboxMessage>();
        var resentIds = new HashSet<string>(StringComparer.Ordinal);
        if (unclaimedIds.Count > 0)
        {
            var executions = candidates.Where(a => unclaimedIds.Contains(a.Id)).Select(a => a.WorkflowExecutionId!).ToList();
            foreach (var message in await _store.Durable.ListOutboxAsync(executions, nameof(RunAction), ct).ConfigureAwait(false))
            {
                if (CommandCodec.Decode(message.Kind, message.PayloadJson) is RunAction run && ClaimRequired(run) && unclaimedIds.Contains(run.ActionExecutionId) && resentIds.Add(run.ActionExecutionId))
                {
                    unclaimed.Add(message);
                }
            }
        }

        return (candidates.Where(a => !resentIds.Contains(a.Id)).ToList(), unclaimed);
    }

    private async Task<List<OutboxMessage>> ListAllUndispatchedAsync(CancellationToken ct)
    {
        var all = new List<OutboxMessage>();
        long lastId = 0;
        while (true)
        {
            var page = (await _store.Durable.ListUndispatchedAsync(RecoveryPage + all.Count, ct).ConfigureAwait(false)).Where(m => m.Id > lastId).ToList();
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            lastId = page[^1].Id;
        }
    }

    private async Task TimerLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var due = await _store.Durable.ClaimDueTimersAsync(_options.Clock.GetUtcNow(), _options.TimerLease, _options.NodeId, _options.TimerBatchSize, stopping).ConfigureAwait(false);
                await Task.WhenAll(due.Select(t => SubmitAsync(TimerCodec.ToEvent(t), null, stopping))).ConfigureAwait(false);
                if (due.Count == _options.TimerBatchSize)
                {
                    continue;
                }

                var next = await _store.Durable.NextTimerDueAsync(stopping).ConfigureAwait(false);
                var wait = next is { } n ? n - _options.Clock.GetUtcNow() : _options.TimerPollInterval;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.TimerPollInterval ? _options.TimerPollInterval : wait;
                if (wait > TimeSpan.Zero)
                {
                    using var delay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    delay.CancelAfter(wait);
                    try
                    {
                        await _timerWake.WaitAsync(delay.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                    {
                        // The wait ran out: poll again.
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogTimerPollFailed(_logger, e);
                await Task.Delay(_options.TimerPollInterval, _options.Clock, stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task RetentionLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                while (await _store.Durable.ApplyRetentionAsync(_options.Retention!, _options.Clock.GetUtcNow(), stopping).ConfigureAwait(false) >= _options.Retention!.BatchSize)
                {
                    // Keep sweeping in batches until less than a batch expired.
                }

                await Task.Delay(_options.RetentionInterval, _options.Clock, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRetentionFailed(_logger, e);
                await Task.Delay(_options.RetentionInterval, _options.Clock, stopping).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Recovery of node {NodeId}: {Resent} outbox commands re-sent, {Lost} running actions reported lost")]
    private static partial void LogRecovered(ILogger logger, string nodeId, int resent, int lost);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Timer poll failed")]
    private static partial void LogTimerPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Retention sweep failed")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);
}
