using System.Threading.Channels;
using Sirocco.Engine;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Runtime.InMemory;

/// <summary>
/// Drives the engine end to end in one process without storage: one loop takes events in order and
/// decides them (so each execution sees one event at a time), actions run concurrently through an
/// <see cref="IActionInvoker"/> and report back as events, timers use the given <see cref="TimeProvider"/>.
/// Used by <c>sirocco run</c> and by tests.
/// </summary>
public sealed class InMemoryRuntime : IAsyncDisposable
{
    private readonly WorkflowEngine _engine = new();
    private readonly Func<string, WorkflowSpec?> _workflows;
    private readonly IExpressionEvaluator _expressions;
    private readonly IActionInvoker _actions;
    private readonly TimeProvider _time;
    private readonly IIdGenerator _ids;
    private readonly Channel<EngineEvent> _events = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, (MemoryExecutionState State, WorkflowSpec Spec)> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowSpec> _starting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<WorkflowRun>> _waiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly object _gate = new();

    public InMemoryRuntime(
        Func<string, WorkflowSpec?> workflows,
        IExpressionEvaluator expressions,
        IActionInvoker? actions = null,
        TimeProvider? time = null,
        IIdGenerator? ids = null)
    {
        _workflows = workflows;
        _expressions = expressions;
        _actions = actions ?? new BuiltInActions();
        _time = time ?? TimeProvider.System;
        _ids = ids ?? new GuidIds();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Resolves environments given by name; none by default.</summary>
    public IEnvironmentLookup? Environments { get; init; }

    /// <summary>The limits every decision enforces (task count, with-items length, sub-workflow depth).</summary>
    public ExecutionLimits Limits { get; init; } = ExecutionLimits.Default;

    /// <summary>Raised (on the loop) after each decision, for live progress.</summary>
    public event Action<EngineEvent, Decision>? Decided;

    /// <summary>Starts a workflow and returns its execution id.</summary>
    public string Start(WorkflowSpec workflow, DictValue input, DictValue? parameters = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var id = _ids.NewId();
        lock (_gate)
        {
            _starting[id] = workflow;
            _waiters[id] = new TaskCompletionSource<WorkflowRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Send(new StartWorkflow(id, input, parameters ?? DictValue.Empty, description));
        return id;
    }

    /// <summary>Completes when the execution reaches SUCCESS, ERROR or CANCELLED.</summary>
    public Task<WorkflowRun> WaitAsync(string executionId)
    {
        lock (_gate)
        {
            return _waiters[executionId].Task;
        }
    }

    /// <summary>Runs a workflow to its end.</summary>
    public Task<WorkflowRun> RunAsync(WorkflowSpec workflow, DictValue input, DictValue? parameters = null) =>
        WaitAsync(Start(workflow, input, parameters));

    /// <summary>Delivers an event (pause, resume, cancel, a delegate action's completion, ...).</summary>
    public void Send(EngineEvent @event) => _events.Writer.TryWrite(@event);

    /// <summary>A snapshot of one execution and its tasks.</summary>
    public WorkflowRun? Snapshot(string executionId)
    {
        lock (_gate)
        {
            return _executions.TryGetValue(executionId, out var entry) && entry.State.Execution is { } execution
                ? new WorkflowRun(execution, [.. entry.State.Tasks()])
                : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping while events were pending: nothing to keep.
        }

        lock (_gate)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        await foreach (var @event in _events.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            Decide(@event);
        }
    }

    private void Decide(EngineEvent @event)
    {
        Decision decision;
        lock (_gate)
        {
            if (!_executions.TryGetValue(@event.ExecutionId, out var entry))
            {
                if (!_starting.Remove(@event.ExecutionId, out var spec))
                {
                    return; // An event for an execution this runtime does not know.
                }

                entry = (new MemoryExecutionState(), spec);
                _executions[@event.ExecutionId] = entry;
            }

            var context = new DecisionContext(entry.Spec, _expressions, _ids, _time.GetUtcNow()) { Environments = Environments, Limits = Limits };
            decision = _engine.Decide(entry.State, @event, context);
            entry.State.Apply(decision.Changes);
        }

        Decided?.Invoke(@event, decision);
        foreach (var command in decision.Commands)
        {
            Dispatch(command);
        }
    }

    private void Dispatch(EngineCommand command)
    {
        switch (command)
        {
            case RunAction run:
                _ = RunActionAsync(run);
                break;
            case StartSubworkflow start:
                var child = _workflows(start.WorkflowName);
                if (child is null)
                {
                    Send(new SubworkflowCompleted(start.Parent.ParentExecutionId, start.ChildExecutionId, ExecutionState.Error, DictValue.Empty,
                        $"Workflow not found [workflow_name={start.WorkflowName}]"));
                    break;
                }

                lock (_gate)
                {
                    _starting[start.ChildExecutionId] = child;
                }

                Send(new StartWorkflow(start.ChildExecutionId, start.Input, start.Params, start.Description) { Parent = start.Parent });
                break;
            case NotifyParent notify:
                Send(new SubworkflowCompleted(notify.ParentExecutionId, notify.ChildExecutionId, notify.State, notify.Output, notify.StateInfo));
                break;
            case SignalSubworkflow signal:
                Send(signal.Event);
                break;
            case ScheduleTimer schedule:
                Schedule(schedule);
                break;
            case CancelTimer cancel:
                lock (_gate)
                {
                    if (_timers.Remove(cancel.TimerId, out var timer))
                    {
                        timer.Dispose();
                    }
                }

                break;
            case CompleteExecution complete:
                TaskCompletionSource<WorkflowRun>? waiter;
                lock (_gate)
                {
                    _waiters.TryGetValue(complete.ExecutionId, out waiter);
                }

                if (waiter is not null && Snapshot(complete.ExecutionId) is { } finished)
                {
                    waiter.TrySetResult(finished);
                }

                break;
        }
    }

    private void Schedule(ScheduleTimer schedule)
    {
        var delay = schedule.DueAt - _time.GetUtcNow();
        var fired = new TimerFired(schedule.ExecutionId, schedule.TimerId, schedule.Purpose, schedule.TaskExecutionId);
        lock (_gate)
        {
            _timers[schedule.TimerId] = _time.CreateTimer(
                _ =>
                {
                    lock (_gate)
                    {
                        _timers.Remove(schedule.TimerId);
                    }

                    Send(fired);
                },
                null,
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunActionAsync(RunAction run)
    {
        ActionOutcome? outcome;
        try
        {
            outcome = await _actions.InvokeAsync(run, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
#pragma warning disable CA1031 // An action's bug must fail its task, not the runtime loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            outcome = ActionOutcome.Failure(Value.From(
                $"The action raised an exception [action={run.ActionName}, action_ex_id={run.ActionExecutionId}, msg='{e.Message}']"));
        }

        if (outcome is not null)
        {
            Send(new ActionCompleted(run.ExecutionId, run.ActionExecutionId, outcome));
        }
    }
}
