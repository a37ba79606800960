using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sirocco.Engine;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Persistence;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Durable;

/// <summary>
/// The I/O shell around the pure engine. For each event: take the execution's lock, let the engine
/// decide, store the changes and the outgoing commands (outbox) in one transaction — shared with
/// other events by group commit — and only then acknowledge and hand the commands on. Timers are
/// rows, polled and consumed in the transaction that applies them; start-up recovery re-sends what
/// a crash left in the outbox and reports the calls the crashed process was running as lost.
/// </summary>
public sealed partial class DurableRuntime : IAsyncDisposable
{
    /// <summary>
    /// Commands handed on as soon as their decision commits, without waiting for the commit to reach the disk
    /// (SQLite syncs it in the background): everything they lead to goes through later writes of the same
    /// store — a result, a SENT mark or a child's start — and those are acknowledged only once synced, which
    /// syncs this commit too. Only a call safe to rerun can run on a decision a power cut then loses; one
    /// without safe-rerun starts only once its claim is acknowledged, and so synced. Completion (a waiting
    /// caller) and cancellation (a runner) are seen outside, so they wait for the disk.
    /// </summary>
    private static readonly HashSet<string> HandedOnAtCommit = new(StringComparer.Ordinal)
    {
        nameof(RunAction), nameof(StartSubworkflow), nameof(NotifyParent), nameof(SignalSubworkflow),
    };

    private int _disposed;
    private readonly ISiroccoStore _store;
    private readonly WorkflowEngine _engine;
    private readonly IExpressionEvaluator _expressions;
    private readonly ITaskQueue _queue;
    private readonly DurableRuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly IActionCancellation? _cancellation;
    private readonly IIdGenerator _ids = new GuidIds();
    private readonly SpecCache _specs = new();
    private readonly Channel<OutboxMessage> _dispatch = Channel.CreateUnbounded<OutboxMessage>();
    private readonly ConcurrentQueue<(long OutboxId, string? ActionExecutionId)> _dispatched = new();
    private readonly ConcurrentDictionary<string, (string ExecutionId, string ActionName)> _dispatchedActions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _waiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    // Read once: a commit's callback may run as the runtime is disposed, and a disposed source's Token throws
    // (into the writer, which would fail a committed group's callers).
    private readonly CancellationToken _stoppingToken;
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim _timerWake = new(0);
    private readonly SemaphoreSlim _markWake = new(0);
    private long _eventsApplied;

    /// <summary>Creates the runtime; call <see cref="StartAsync"/> to recover and start its loops.</summary>
    public DurableRuntime(ISiroccoStore store, WorkflowEngine engine, IExpressionEvaluator expressions, ITaskQueue queue, DurableRuntimeOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _expressions = expressions ?? throw new ArgumentNullException(nameof(expressions));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _options = options ?? new DurableRuntimeOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DurableRuntime>();
        _cancellation = _options.ActionCancellation ?? queue as IActionCancellation;
        ResultSink = new RuntimeResultSink(this);
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Where runners report results: a report returns once the result is durably applied, so the runner may then acknowledge its delivery.</summary>
    public IActionResultSink ResultSink { get; }

    /// <summary>Events decided and committed by this runtime so far.</summary>
    public long EventsApplied => Interlocked.Read(ref _eventsApplied);

    /// <summary>Recovers what a previous run of this node left behind, then starts the dispatch, timer and retention loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loops.Add(Task.Run(() => DispatchLoopAsync(_stopping.Token), CancellationToken.None));
        _loops.Add(Task.Run(() => MarkDispatchedLoopAsync(_stopping.Token), CancellationToken.None));
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        _loops.Add(Task.Run(() => TimerLoopAsync(_stopping.Token), CancellationToken.None));
        if (_options.HeartbeatTimeoutOrNull is not null)
        {
            _loops.Add(Task.Run(() => HeartbeatCheckLoopAsync(_stopping.Token), CancellationToken.None));
        }
        if (_options.Retention is not null)
        {
            _loops.Add(Task.Run(() => RetentionLoopAsync(_stopping.Token), CancellationToken.None));
        }
    }

    /// <summary>
    /// Decides and stores one event. Completes when the change is durable (committed with its
    /// outbox); the commands are handed on right after, in the background.
    /// </summary>
    public async Task<EventOutcome> SubmitAsync(EngineEvent @event, ExecutionOrigin? origin, CancellationToken cancellationToken) =>
        (await SubmitReportingAsync(@event, origin, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// As <see cref="SubmitAsync"/>; for an <see cref="ActionCompleted"/> also the action as the decision stored it
    /// (null when the decision did not change it).
    /// </summary>
    private async Task<(EventOutcome Outcome, ActionExecution? Action)> SubmitReportingAsync(EngineEvent @event, ExecutionOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (outcome, outbox, action) = await _store.Durable.ExecuteAsync((tx, ct) => DecideAsync(tx, @event, origin, ct), cancellationToken).ConfigureAwait(false);
                HandOnCommitted(outbox);
                return (outcome, action);
            }
            catch (DbException e) when (e.IsTransient && attempt < _options.TransientRetries)
            {
                LogTransientRetry(_logger, @event.ExecutionId, e.Message);
            }
            catch (FieldTooLargeException e) when (@event is not (StartWorkflow or StopExecution { WithoutOutput: true }))
            {
                // The decision cannot be stored (an output or a publish over Limits' field size). Leaving the
                // execution RUNNING would strand it: it ends in ERROR instead, its open work closed and a parent
                // told, without the output that did not fit (Mistral: "Failed to handle action completion").
                LogFieldTooLarge(_logger, @event.ExecutionId, e.Message);
                var what = @event is ActionCompleted ? "action completion" : @event.GetType().Name;
                return (await SubmitAsync(new StopExecution(@event.ExecutionId, ExecutionState.Error, $"Failed to handle {what} [error={e.Message}]") { WithoutOutput = true }, null, cancellationToken).ConfigureAwait(false), null);
            }
        }
    }

    /// <summary>Counts a committed decision and hands its commands to the dispatch loop.</summary>
    private void HandOnCommitted(IReadOnlyList<OutboxMessage> outbox)
    {
        Interlocked.Increment(ref _eventsApplied);
        foreach (var message in outbox)
        {
            _dispatch.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Waits until the execution reaches SUCCESS, ERROR or CANCELLED; returns that state. Woken at once
    /// when this server completes it, and polls the database for completions by another server.
    /// </summary>
    public async Task<string> WaitForCompletionAsync(string executionId, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(executionId, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        while (true)
        {
            var stored = await _store.Executions.GetWorkflowExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
            if (stored is { State: "SUCCESS" or "ERROR" or "CANCELLED" })
            {
                _waiters.TryRemove(executionId, out _);
                return stored.State;
            }

            try
            {
                return await waiter.Task.WaitAsync(_options.TimerPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Not completed here: look at the database again.
            }
        }
    }

    /// <summary>Stops the loops. Nothing is lost: what was not dispatched is still in the outbox.</summary>
    public async ValueTask DisposeAsync()
    {
        // The host may both stop and dispose the runtime; the second call must be a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _dispatch.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Loops end by cancellation.
        }

        _stopping.Dispose();
        _timerWake.Dispose();
        _markWake.Dispose();
    }

    private async Task<(EventOutcome Outcome, IReadOnlyList<OutboxMessage> Outbox, ActionExecution? Action)> DecideAsync(IDurableTransaction tx, EngineEvent @event, ExecutionOrigin? origin, CancellationToken ct)
    {
        var exists = await tx.LockExecutionAsync(@event.ExecutionId, ct).ConfigureAwait(false);
        if (@event is StartWorkflow ? exists : !exists)
        {
            return (exists ? EventOutcome.Duplicate : EventOutcome.NotFound, [], null);
        }

        if (@event is TimerFired timer && !await tx.ConsumeTimerAsync(timer.TimerId, ct).ConfigureAwait(false))
        {
            return (EventOutcome.Duplicate, [], null);
        }

        var spec = await ResolveSpecAsync(tx, @event, origin, ct).ConfigureAwait(false);
        var state = tx.ExecutionState(@event.ExecutionId);
        var context = new DecisionContext(spec, _expressions, _ids, _options.Clock.GetUtcNow()) { Limits = _options.Limits };
        var decision = WithoutUnwantedNotifications(_engine.Decide(state, @event, context), state);
        var outbox = await tx.ApplyDecisionAsync(decision, @event, origin, _options.NodeId, ct).ConfigureAwait(false);
        if (decision.Commands.Any(c => c is Engine.Commands.ScheduleTimer))
        {
            _timerWake.Release();
        }

        var early = outbox.Where(m => HandedOnAtCommit.Contains(m.Kind)).ToList();
        if (early.Count > 0)
        {
            tx.AfterCommit(() =>
            {
                foreach (var message in early)
                {
                    HandOnAtCommit(message);
                }
            });
        }

        var action = @event is ActionCompleted completed
            ? decision.Changes.OfType<ActionExecutionUpdated>().LastOrDefault(u => u.Action.Id == completed.ActionExecutionId)?.Action
            : null;
        return (decision.Rejection is null ? EventOutcome.Applied : EventOutcome.Rejected, early.Count == 0 ? outbox : [.. outbox.Where(m => !HandedOnAtCommit.Contains(m.Kind))], action);
    }

    /// <summary>
    /// A call is handed to the task queue right here, on the thread that committed it, instead of through the
    /// dispatch loop: one thread wake fewer between two tasks of a chain (about a tenth of a 100-task chain's time,
    /// docs/benchmarks.md). Enqueueing does no blocking I/O (see <see cref="ITaskQueue.EnqueueAsync"/>). The rest
    /// may read the database or wait for the writer, so it goes through the loop.
    /// </summary>
    private void HandOnAtCommit(OutboxMessage message)
    {
        if (message.Kind == nameof(RunAction) && Volatile.Read(ref _disposed) == 0)
        {
            _ = DispatchOneAsync(message, _stoppingToken);
        }
        else
        {
            _dispatch.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// The engine announces every task and execution state change (Mistral's <c>notify</c> events). Only an
    /// execution started with a <c>notify</c> parameter has anyone to tell, so for the others the
    /// announcements are not written to the outbox: two rows and two dispatches fewer per task.
    /// </summary>
    private static Decision WithoutUnwantedNotifications(Decision decision, IExecutionState state)
    {
        if (!decision.Commands.Any(c => c is Notify))
        {
            return decision;
        }

        var execution = decision.Changes.OfType<Engine.Changes.ExecutionCreated>().FirstOrDefault()?.Execution ?? state.Execution;
        return execution is null || execution.Params.Get("notify") is not null
            ? decision
            : decision with { Commands = [.. decision.Commands.Where(c => c is not Notify)] };
    }

    private async Task<Language.Model.WorkflowSpec> ResolveSpecAsync(IDurableTransaction tx, EngineEvent @event, ExecutionOrigin? origin, CancellationToken ct)
    {
        if (_specs.ForExecution(@event.ExecutionId) is { } cached)
        {
            return cached;
        }

        string yaml;
        string name;
        if (@event is StartWorkflow)
        {
            yaml = origin?.DefinitionText ?? throw new PersistenceException("Starting an execution needs its definition (ExecutionOrigin)");
            name = origin.WorkflowName;
        }
        else
        {
            yaml = await tx.GetDefinitionTextAsync(@event.ExecutionId, ct).ConfigureAwait(false) ?? throw new PersistenceException($"Execution {@event.ExecutionId} has no definition snapshot");
            name = tx.ExecutionState(@event.ExecutionId).Execution?.WorkflowName ?? "";
        }

        var spec = _specs.Find(yaml, name) ?? throw new PersistenceException($"Workflow '{name}' is not in the definition of execution {@event.ExecutionId}");
        _specs.Remember(@event.ExecutionId, spec);
        return spec;
    }

    [LoggerMessage(EventId = 7009, Level = LogLevel.Warning, Message = "An event of execution {ExecutionId} could not be stored ({Reason}); the execution is failed")]
    private static partial void LogFieldTooLarge(ILogger logger, string executionId, string reason);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Retrying an event of execution {ExecutionId} after a transient database error: {Reason}")]
    private static partial void LogTransientRetry(ILogger logger, string executionId, string reason);
}
