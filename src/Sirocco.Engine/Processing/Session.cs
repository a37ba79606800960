using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.State;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// The unit of work of one decision: reads go to the changes made so far, then to the stored state;
/// writes are kept per row and turned into one insert or update per row at the end.
/// </summary>
internal sealed class Session : IExecutionState
{
    private readonly IExecutionState _stored;
    private readonly Dictionary<string, TaskExecution> _tasks = new(StringComparer.Ordinal);
    private readonly List<string> _taskOrder = [];
    private readonly HashSet<string> _createdTasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActionExecution> _actions = new(StringComparer.Ordinal);
    private readonly List<string> _actionOrder = [];
    private readonly HashSet<string> _createdActions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskItems> _items = new(StringComparer.Ordinal);
    private readonly List<EngineCommand> _commands = [];
    private WorkflowExecution? _execution;
    private bool _executionCreated;
    private int _incompleteDelta;
    private string? _rejection;

    public Session(IExecutionState stored, DecisionContext context, ContextCache cache)
    {
        _stored = stored;
        Context = context;
        Cache = cache;
        Plan = WorkflowPlan.For(context.Workflow);
    }

    public DecisionContext Context { get; }

    public ContextCache Cache { get; }

    public WorkflowPlan Plan { get; }

    public WorkflowSpec Spec => Context.Workflow;

    public DateTimeOffset Now => Context.Now;

    public WorkflowExecution? Execution => _execution ?? _stored.Execution;

    /// <summary>The execution, which every event but <c>StartWorkflow</c> requires.</summary>
    public WorkflowExecution Workflow => Execution ?? throw new InvalidOperationException("The execution has not been started.");

    public string NewId() => Context.Ids.NewId();

    public void Emit(EngineCommand command) => _commands.Add(command);

    /// <summary>Refuses the event: the decision carries the reason and no change.</summary>
    public void Reject(string reason) => _rejection = reason;

    public void CreateExecution(WorkflowExecution execution)
    {
        _execution = execution;
        _executionCreated = true;
    }

    public void UpdateExecution(WorkflowExecution execution)
    {
        _execution = execution with { UpdatedAt = Now };
    }

    public void CreateTask(TaskExecution task)
    {
        _tasks[task.Id] = task;
        _taskOrder.Add(task.Id);
        _createdTasks.Add(task.Id);
        if (!task.State.IsCompleted())
        {
            _incompleteDelta++;
        }
    }

    public void UpdateTask(TaskExecution task)
    {
        var before = FindTask(task.Id) ?? throw new InvalidOperationException($"Unknown task execution {task.Id}.");
        _incompleteDelta += (task.State.IsCompleted() ? 0 : 1) - (before.State.IsCompleted() ? 0 : 1);
        if (!_tasks.ContainsKey(task.Id))
        {
            _taskOrder.Add(task.Id);
        }

        _tasks[task.Id] = task with { UpdatedAt = Now };
    }

    public void CreateAction(ActionExecution action)
    {
        _actions[action.Id] = action;
        _actionOrder.Add(action.Id);
        _createdActions.Add(action.Id);
    }

    public void UpdateAction(ActionExecution action)
    {
        if (!_actions.ContainsKey(action.Id))
        {
            _actionOrder.Add(action.Id);
        }

        _actions[action.Id] = action with { UpdatedAt = Now };
    }

    public void CreateItems(TaskItems items) => _items[items.TaskExecutionId] = items;

    public TaskExecution? FindTask(string taskExecutionId) =>
        _tasks.TryGetValue(taskExecutionId, out var task) ? task : _stored.FindTask(taskExecutionId);

    public IEnumerable<TaskExecution> TasksNamed(string name)
    {
        foreach (var task in _stored.TasksNamed(name))
        {
            yield return _tasks.TryGetValue(task.Id, out var changed) ? changed : task;
        }

        foreach (var id in _taskOrder)
        {
            if (_createdTasks.Contains(id) && _tasks[id].Name == name)
            {
                yield return _tasks[id];
            }
        }
    }

    public IEnumerable<TaskExecution> Tasks()
    {
        foreach (var task in _stored.Tasks())
        {
            yield return _tasks.TryGetValue(task.Id, out var changed) ? changed : task;
        }

        foreach (var id in _taskOrder)
        {
            if (_createdTasks.Contains(id))
            {
                yield return _tasks[id];
            }
        }
    }

    public int CountIncompleteTasks() => _stored.CountIncompleteTasks() + _incompleteDelta;

    /// <summary>
    /// True when some task is not completed. A task this decision created or changed and left incomplete
    /// answers it without counting the stored tasks (each completion of a with-items item is such a case).
    /// </summary>
    public bool AnyIncompleteTask() => _tasks.Values.Any(t => !t.State.IsCompleted()) || CountIncompleteTasks() > 0;

    public int CountTasks() => _stored.CountTasks() + _createdTasks.Count;

    public ActionExecution? FindAction(string actionExecutionId) =>
        _actions.TryGetValue(actionExecutionId, out var action) ? action : _stored.FindAction(actionExecutionId);

    public IEnumerable<ActionExecution> ActionsOf(string taskExecutionId)
    {
        foreach (var action in _stored.ActionsOf(taskExecutionId))
        {
            yield return _actions.TryGetValue(action.Id, out var changed) ? changed : action;
        }

        foreach (var id in _actionOrder)
        {
            if (_createdActions.Contains(id) && _actions[id].TaskExecutionId == taskExecutionId)
            {
                yield return _actions[id];
            }
        }
    }

    public TaskItems? ItemsOf(string taskExecutionId) =>
        _items.TryGetValue(taskExecutionId, out var items) ? items : _stored.ItemsOf(taskExecutionId);

    /// <summary>The rows to write, parents before children, and the commands to send.</summary>
    public Decision ToDecision()
    {
        if (_rejection is not null)
        {
            return Decision.Empty with { Rejection = _rejection };
        }

        var changes = new List<StateChange>();
        if (_execution is not null)
        {
            changes.Add(_executionCreated ? new ExecutionCreated(_execution) : new ExecutionUpdated(_execution));
        }

        foreach (var id in _taskOrder)
        {
            changes.Add(_createdTasks.Contains(id) ? new TaskExecutionCreated(_tasks[id]) : new TaskExecutionUpdated(_tasks[id]));
            if (_items.TryGetValue(id, out var items))
            {
                changes.Add(new TaskItemsCreated(items));
            }
        }

        foreach (var id in _actionOrder)
        {
            changes.Add(_createdActions.Contains(id) ? new ActionExecutionCreated(_actions[id]) : new ActionExecutionUpdated(_actions[id]));
        }

        return new Decision(changes, [.. _commands]);
    }
}
