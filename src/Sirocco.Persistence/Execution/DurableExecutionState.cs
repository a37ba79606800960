using Sirocco.Engine.State;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// The engine's view of one execution, read from the database inside the event's transaction.
/// Rows are read on demand and memoized for the one decision this instance serves; a new event
/// gets a new instance, so it always sees the committed state plus the writes of its own group.
/// </summary>
internal sealed class DurableExecutionState(IExecutionRowSource rows, string executionId) : IExecutionState
{
    private readonly Dictionary<string, TaskExecution?> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActionExecution?> _actions = new(StringComparer.Ordinal);
    private bool _executionLoaded;
    private WorkflowExecution? _execution;

    public WorkflowExecution? Execution
    {
        get
        {
            if (!_executionLoaded)
            {
                _execution = LoadExecution();
                _executionLoaded = true;
            }

            return _execution;
        }
    }

    private WorkflowExecution? LoadExecution()
    {
        var locked = rows.LockedVersion(executionId);
        if (locked is { } version && rows.Executions.Find(executionId, version) is { } known)
        {
            return known;
        }

        if (rows.Execution(executionId) is not { } stored)
        {
            return null;
        }

        var execution = EngineRows.ToEngine(stored);
        if (locked == stored.Version)
        {
            rows.Executions.Remember(executionId, stored.Version, execution);
        }

        return execution;
    }

    public TaskExecution? FindTask(string taskExecutionId)
    {
        if (!_tasks.TryGetValue(taskExecutionId, out var task))
        {
            task = rows.KeptTask(taskExecutionId) ?? (rows.Task(taskExecutionId) is { } stored ? Parse(stored) : null);
            _tasks[taskExecutionId] = task;
        }

        return task;
    }

    public IEnumerable<TaskExecution> TasksNamed(string name) => rows.TasksNamed(executionId, name).Select(Remember);

    public IEnumerable<TaskExecution> Tasks() => rows.Tasks(executionId).Select(Remember);

    public int CountIncompleteTasks() => rows.CountIncompleteTasks(executionId);

    public int CountTasks() => rows.CountTasks(executionId);

    public ActionExecution? FindAction(string actionExecutionId)
    {
        if (!_actions.TryGetValue(actionExecutionId, out var action))
        {
            action = rows.Action(actionExecutionId) is { } stored ? EngineRows.ToEngine(stored) : null;
            _actions[actionExecutionId] = action;
        }

        return action;
    }

    public IEnumerable<ActionExecution> ActionsOf(string taskExecutionId) => rows.ActionsOf(taskExecutionId).Select(EngineRows.ToEngine);

    public TaskItems? ItemsOf(string taskExecutionId) =>
        rows.Items(taskExecutionId) is { } items ? EngineRows.ToEngine(taskExecutionId, items.Variables, items.Lists) : null;

    private TaskExecution Remember(Durable.StoredTask stored)
    {
        if (_tasks.TryGetValue(stored.Id, out var known) && known is not null)
        {
            return known;
        }

        var task = rows.TaskCopies.Find(stored.Id, stored.Version) ?? Parse(stored);
        _tasks[stored.Id] = task;
        return task;
    }

    private TaskExecution Parse(Durable.StoredTask stored)
    {
        var task = EngineRows.ToEngine(stored);
        rows.TaskCopies.Remember(stored.Id, stored.Version, task);
        return task;
    }
}
