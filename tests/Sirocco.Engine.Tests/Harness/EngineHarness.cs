using Microsoft.Extensions.Time.Testing;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>
/// Drives <see cref="WorkflowEngine.Decide"/> without I/O: commands come back as events at once
/// (std.* semantics or scripted outcomes per task), sub-workflows run in the same loop, timers fire
/// only when the fake clock is advanced.
/// </summary>
internal sealed class EngineHarness
{
    private readonly WorkflowEngine _engine = new();
    private readonly WorkflowDocument _document;
    private readonly Dictionary<string, (MemoryExecutionState State, WorkflowSpec Spec)> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowSpec> _pendingStarts = new(StringComparer.Ordinal);
    private readonly Queue<EngineEvent> _events = new();
    private readonly SequentialIds _ids = new();
    private readonly Dictionary<string, DictValue> _environments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), int> _attempts = [];

    public EngineHarness(string yaml, IExpressionEvaluator? expressions = null)
    {
        var parsed = WorkflowParser.Parse(yaml);
        if (!parsed.IsValid)
        {
            throw new ArgumentException("Invalid workflow: " + string.Join("; ", parsed.Diagnostics));
        }

        _document = parsed.Document!;
        Expressions = expressions ?? TestExpressions.Create();
    }

    public IExpressionEvaluator Expressions { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Outcomes by task name; null means the action stays running (a delegate action).</summary>
    public Dictionary<string, Func<ActionCall, ActionOutcome?>> Scripts { get; } = new(StringComparer.Ordinal);

    public List<RunAction> RunActions { get; } = [];

    /// <summary>The limits passed to every decision.</summary>
    public ExecutionLimits Limits { get; set; } = ExecutionLimits.Default;

    public List<RunAction> PendingActions { get; } = [];

    /// <summary>Pending actions the engine asked to cancel; a test may still complete one (a late result).</summary>
    public List<RunAction> CancelledActions { get; } = [];

    public List<ScheduleTimer> Timers { get; } = [];

    public List<EngineCommand> Commands { get; } = [];

    public List<string> Rejections { get; } = [];

    public string? RootId { get; private set; }

    public void AddEnvironment(string name, DictValue variables) => _environments[name] = variables;

    public WorkflowExecution Start(string? workflowName = null, DictValue? input = null, DictValue? parameters = null)
    {
        var spec = workflowName is null ? _document.Workflows[0] : Find(workflowName) ?? throw new ArgumentException($"No workflow {workflowName}.");
        RootId = _ids.NewId();
        _pendingStarts[RootId] = spec;
        Send(new StartWorkflow(RootId, input ?? DictValue.Empty, parameters ?? DictValue.Empty));
        return Root;
    }

    public WorkflowExecution Root => Execution(RootId!);

    public WorkflowExecution Execution(string id) => _executions[id].State.Execution!;

    public MemoryExecutionState State(string id) => _executions[id].State;

    public IReadOnlyList<TaskExecution> Tasks(string? executionId = null) => [.. State(executionId ?? RootId!).Tasks()];

    public IEnumerable<string> ExecutionIds => _executions.Keys;

    /// <summary>Delivers an event and everything it causes, until nothing is left but pending actions and timers.</summary>
    public void Send(EngineEvent @event)
    {
        _events.Enqueue(@event);
        while (_events.Count > 0)
        {
            Process(_events.Dequeue());
        }
    }

    /// <summary>Completes a pending (delegate) action.</summary>
    public void Complete(RunAction action, ActionOutcome outcome)
    {
        PendingActions.Remove(action);
        Send(new ActionCompleted(action.ExecutionId, action.ActionExecutionId, outcome));
    }

    /// <summary>Moves the fake clock and fires the timers that became due, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        while (Timers.Where(t => t.DueAt <= Clock.GetUtcNow()).OrderBy(t => t.DueAt).FirstOrDefault() is { } due)
        {
            Timers.Remove(due);
            Send(new TimerFired(due.ExecutionId, due.TimerId, due.Purpose, due.TaskExecutionId));
        }
    }

    private void Process(EngineEvent @event)
    {
        if (!_executions.TryGetValue(@event.ExecutionId, out var entry))
        {
            var spec = _pendingStarts[@event.ExecutionId];
            entry = (new MemoryExecutionState(), spec);
            _executions[@event.ExecutionId] = entry;
        }

        var context = new DecisionContext(entry.Spec, Expressions, _ids, Clock.GetUtcNow()) { Environments = new Lookup(_environments), Limits = Limits };
        var decision = _engine.Decide(entry.State, @event, context);
        if (decision.Rejection is not null)
        {
            Rejections.Add(decision.Rejection);
        }

        entry.State.Apply(decision.Changes);
        foreach (var command in decision.Commands)
        {
            Commands.Add(command);
            Handle(entry.State, command);
        }
    }

    private void Handle(MemoryExecutionState state, EngineCommand command)
    {
        switch (command)
        {
            case RunAction run:
                RunActions.Add(run);
                var task = state.FindTask(run.TaskExecutionId)!;
                var calls = _calls[run.TaskExecutionId] = _calls.GetValueOrDefault(run.TaskExecutionId) + 1;
                var attempt = _attempts[(run.TaskExecutionId, run.Index)] = _attempts.GetValueOrDefault((run.TaskExecutionId, run.Index)) + 1;
                var call = new ActionCall(task.Name, run.ActionName, run.Input, run.Index, attempt, calls);
                var outcome = Scripts.TryGetValue(task.Name, out var script) ? script(call) : StdActions.Run(run.ActionExecutionId, run.ActionName, run.Input);
                if (outcome is null)
                {
                    PendingActions.Add(run);
                }
                else
                {
                    _events.Enqueue(new ActionCompleted(run.ExecutionId, run.ActionExecutionId, outcome));
                }

                break;
            case StartSubworkflow start:
                if (Find(start.WorkflowName) is { } child)
                {
                    _pendingStarts[start.ChildExecutionId] = child;
                    _events.Enqueue(new StartWorkflow(start.ChildExecutionId, start.Input, start.Params, start.Description) { Parent = start.Parent });
                }
                else
                {
                    _events.Enqueue(new SubworkflowCompleted(start.Parent.ParentExecutionId, start.ChildExecutionId, ExecutionState.Error,
                        DictValue.Empty, $"Workflow not found [workflow_name={start.WorkflowName}]"));
                }

                break;
            case NotifyParent notify:
                _events.Enqueue(new SubworkflowCompleted(notify.ParentExecutionId, notify.ChildExecutionId, notify.State, notify.Output, notify.StateInfo));
                break;
            case SignalSubworkflow signal:
                if (_executions.ContainsKey(signal.ChildExecutionId))
                {
                    _events.Enqueue(signal.Event);
                }

                break;
            case ScheduleTimer timer:
                Timers.Add(timer);
                break;
            case CancelTimer cancel:
                Timers.RemoveAll(t => t.TimerId == cancel.TimerId);
                break;
            case CancelAction cancelAction:
                CancelledActions.AddRange(PendingActions.Where(a => a.ActionExecutionId == cancelAction.ActionExecutionId));
                PendingActions.RemoveAll(a => a.ActionExecutionId == cancelAction.ActionExecutionId);
                break;
        }
    }

    private WorkflowSpec? Find(string name) =>
        _document.FindWorkflow(name) ?? (name.Contains('.', StringComparison.Ordinal) ? _document.FindWorkflow(name[(name.LastIndexOf('.') + 1)..]) : null);

    private sealed class Lookup(Dictionary<string, DictValue> environments) : IEnvironmentLookup
    {
        public DictValue? Find(string name) => environments.GetValueOrDefault(name);
    }
}
