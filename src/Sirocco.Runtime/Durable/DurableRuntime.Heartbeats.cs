using System.Data.Common;
using Microsoft.Extensions.Logging;
using Sirocco.Engine.Events;

namespace Sirocco.Runtime.Durable;

/// <summary>
/// Live detection of lost runners: runners heartbeat the sync actions they run; a handed-over call
/// whose heartbeats stop for longer than <see cref="DurableRuntimeOptions.ActionHeartbeatTimeout"/>
/// becomes an <see cref="ActionLost"/> event, whichever server notices it first (the engine ignores
/// the second report, the action being finished by then).
/// </summary>
public sealed partial class DurableRuntime
{
    private const int SilentBatch = 100;

    /// <summary>Moves the deadline of calls a runner says are still running (late heartbeats of finished calls change nothing).</summary>
    public async Task RecordHeartbeatsAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionIds);
        if (actionExecutionIds.Count == 0 || _options.HeartbeatTimeoutOrNull is not { } timeout)
        {
            return;
        }

        var deadline = _options.Clock.GetUtcNow() + timeout;
        await _store.Durable.ExecuteAsync(async (tx, ct) => { await tx.RecordHeartbeatsAsync(actionExecutionIds, deadline, ct).ConfigureAwait(false); return 0; }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A runner's claim of a call before it starts it: true when <paramref name="claimant"/> holds the claim
    /// (committed), so it alone starts the call; false when another runner claimed it or it is no longer running.
    /// From now on the call counts as lost after one heartbeat timeout without news (no first-heartbeat grace:
    /// it left the queue).
    /// </summary>
    public async Task<bool> ClaimActionAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionExecutionId);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        DateTimeOffset? deadline = _options.HeartbeatTimeoutOrNull is { } timeout ? _options.Clock.GetUtcNow() + timeout : null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _store.Durable.ExecuteAsync((tx, ct) => tx.ClaimActionAsync(actionExecutionId, claimant, deadline, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (e.IsTransient && attempt < _options.TransientRetries)
            {
                LogTransientRetry(_logger, "(claim)", e.Message);
            }
        }
    }

    /// <summary>Reports every call whose heartbeat deadline passed as lost; returns how many.</summary>
    internal async Task<int> CheckHeartbeatsAsync(CancellationToken ct)
    {
        var reported = 0;
        while (true)
        {
            var silent = await _store.Durable.ListSilentActionsAsync(_options.Clock.GetUtcNow(), SilentBatch, ct).ConfigureAwait(false);
            var fresh = silent.Where(a => a.WorkflowExecutionId is not null).ToList();
            foreach (var action in fresh)
            {
                LogActionSilent(_logger, action.Id, action.WorkflowExecutionId!);
            }

            await Task.WhenAll(fresh.Select(a => SubmitAsync(new ActionLost(a.WorkflowExecutionId!, a.Id), null, ct))).ConfigureAwait(false);
            reported += fresh.Count;

            // An ActionLost always finishes its call, so the next page is new; a short page is the last.
            if (silent.Count < SilentBatch || fresh.Count == 0)
            {
                return reported;
            }
        }
    }

    private async Task HeartbeatCheckLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatCheckInterval, _options.Clock, stopping).ConfigureAwait(false);
                await CheckHeartbeatsAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogHeartbeatCheckFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "No heartbeat for action execution {ActionExecutionId} of execution {ExecutionId}: its runner is lost")]
    private static partial void LogActionSilent(ILogger logger, string actionExecutionId, string executionId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "Heartbeat check failed")]
    private static partial void LogHeartbeatCheckFailed(ILogger logger, Exception exception);
}
