using System.Data.Common;
using Microsoft.Extensions.Logging;
using Sirocco.Engine.Events;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Scheduling;

namespace Sirocco.Runtime.Durable;

/// <summary>Firing a cron trigger: the claim and the start of its execution are one unit of work.</summary>
public sealed partial class DurableRuntime
{
    /// <summary>A cron scheduler over this runtime's store that starts executions through this runtime (the <c>scheduler</c> role).</summary>
    public CronScheduler CreateCronScheduler(CronSchedulerOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        new(_store, this, options ?? new CronSchedulerOptions { Clock = _options.Clock }, loggerFactory);

    /// <summary>
    /// Claims the occurrence <paramref name="expectedNext"/> of a trigger (advancing or deleting it as
    /// <paramref name="firing"/> says) and, in the same transaction, starts <paramref name="start"/>. A crash
    /// before the commit leaves the trigger due and no execution; after it, both are there. Of several
    /// schedulers firing the same occurrence exactly one gets past the claim. With <paramref name="start"/>
    /// null the occurrence is only consumed (its workflow cannot be started).
    /// </summary>
    internal async Task<CronFireOutcome> FireCronTriggerAsync(string triggerId, DateTimeOffset expectedNext, CronFiring firing, StartWorkflow? start, ExecutionOrigin? origin, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (outcome, outbox) = await _store.Durable.ExecuteAsync((tx, ct) => ClaimAndStartAsync(tx, triggerId, expectedNext, firing, start, origin, ct), cancellationToken).ConfigureAwait(false);
                if (outcome == CronFireOutcome.Started)
                {
                    Interlocked.Increment(ref _eventsApplied);
                }

                foreach (var message in outbox)
                {
                    _dispatch.Writer.TryWrite(message);
                }

                return outcome;
            }
            catch (DbException e) when (e.IsTransient && attempt < _options.TransientRetries)
            {
                LogTransientRetry(_logger, start?.ExecutionId ?? triggerId, e.Message);
            }
        }
    }

    private async Task<(CronFireOutcome Outcome, IReadOnlyList<OutboxMessage> Outbox)> ClaimAndStartAsync(
        IDurableTransaction tx, string triggerId, DateTimeOffset expectedNext, CronFiring firing, StartWorkflow? start, ExecutionOrigin? origin, CancellationToken ct)
    {
        if (!await tx.ClaimCronTriggerAsync(triggerId, expectedNext, firing.Next, firing.RemainingExecutions, ct).ConfigureAwait(false))
        {
            return (CronFireOutcome.NotClaimed, []);
        }

        if (start is null)
        {
            return (CronFireOutcome.Skipped, []);
        }

        var (outcome, outbox, _) = await DecideAsync(tx, start, origin, ct).ConfigureAwait(false);

        // Duplicate: this occurrence's execution (its id is derived from the occurrence) already exists.
        return (outcome is EventOutcome.Applied or EventOutcome.Duplicate ? CronFireOutcome.Started : CronFireOutcome.Skipped, outbox);
    }
}
