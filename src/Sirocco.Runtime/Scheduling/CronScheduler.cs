using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sirocco.Persistence;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Runtime.Durable;

namespace Sirocco.Runtime.Scheduling;

/// <summary>
/// The scheduler role's cron half: looks for due triggers, and fires each occurrence by claiming it and
/// starting its execution in one transaction of the durable runtime (see
/// <see cref="DurableRuntime"/>), so that any number of schedulers on one database fire it exactly once.
/// Behaviour follows Mistral's periodic task: the count of remaining runs drops by one per firing, the
/// trigger is deleted after its last run, and after downtime an overdue trigger fires once.
/// </summary>
public sealed partial class CronScheduler
{
    private readonly ISiroccoStore _store;
    private readonly DurableRuntime _runtime;
    private readonly CronSchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly CronStarts _starts;
    private long _fired;

    /// <summary>Creates a scheduler that starts executions through <paramref name="runtime"/>.</summary>
    public CronScheduler(ISiroccoStore store, DurableRuntime runtime, CronSchedulerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _options = options ?? new CronSchedulerOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CronScheduler>();
        _starts = new CronStarts(store);
    }

    /// <summary>Occurrences this scheduler fired (claimed) so far, whether or not an execution could be started.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    /// <summary>Fires due triggers until <paramref name="stopping"/> is cancelled. A failed look is logged and retried at the next poll.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await FireDueAsync(stopping).ConfigureAwait(false) >= _options.BatchSize;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Typically the database is unreachable or busy: the triggers stay due and the next look fires
                // them. The loop must outlive any one failure, or no trigger would fire again on this node.
                LogPollFailed(_logger, e);
            }

            if (!full)
            {
                await Task.Delay(_options.PollInterval, _options.Clock, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// One look: fires every trigger due now (up to the batch size), oldest first. Returns how many
    /// triggers were due, fired here or not.
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = _options.Clock.GetUtcNow();
        var due = await _store.CronTriggers.ListDueAsync(now, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var trigger in due)
        {
            await FireAsync(trigger, now, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    private async Task FireAsync(CronTriggerRecord trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var firing = CronFiring.Plan(trigger, now);
        var executionId = CronExecutionIds.For(trigger.Id, trigger.NextExecutionTime);
        CronStart start;
        try
        {
            start = await _starts.PrepareAsync(trigger, executionId, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            // Stored input or params that are not JSON objects would fail at every poll: skip the occurrence.
            start = CronStart.Refused(e.Message);
        }

        if (start.Problem is { } problem)
        {
            LogCannotStart(_logger, trigger.Name, trigger.WorkflowName, problem);
        }

        CronFireOutcome outcome;
        try
        {
            outcome = await _runtime.FireCronTriggerAsync(trigger.Id, trigger.NextExecutionTime, firing, start.Event, start.Origin, cancellationToken).ConfigureAwait(false);
        }
        catch (PersistenceException e) when (start.Event is not null)
        {
            // The start itself failed (a field too large, a definition the runtime cannot read): as Mistral,
            // whose start failing after the advance is only logged, consume the occurrence rather than retry
            // it at every poll.
            LogCannotStart(_logger, trigger.Name, trigger.WorkflowName, e.Message);
            outcome = await _runtime.FireCronTriggerAsync(trigger.Id, trigger.NextExecutionTime, firing, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (outcome == CronFireOutcome.NotClaimed)
        {
            return;
        }

        Interlocked.Increment(ref _fired);
        LogFired(_logger, trigger.Name, trigger.NextExecutionTime, outcome == CronFireOutcome.Started ? executionId : null, firing.Next);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Cron trigger {TriggerName} fired for {Scheduled:o}: execution {ExecutionId}; next {Next:o}")]
    private static partial void LogFired(ILogger logger, string triggerName, DateTimeOffset scheduled, string? executionId, DateTimeOffset? next);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Cron trigger {TriggerName} cannot start workflow {WorkflowName}: {Reason}; the occurrence is skipped")]
    private static partial void LogCannotStart(ILogger logger, string triggerName, string workflowName, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Looking for due cron triggers failed; retrying at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
