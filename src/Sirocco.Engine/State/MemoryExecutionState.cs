using Sirocco.Engine.Changes;

namespace Sirocco.Engine.State;

/// <summary>
/// The state of one execution held in memory: the reference <see cref="IExecutionState"/>, used by the
/// in-memory runtime and the engine tests. <see cref="Apply"/> stores a decision's changes; each is a
/// constant-time dictionary write, so a 100,000-item with-items costs the same per item as a 10-item one.
/// Not thread-safe: the runtime decides one event per execution at a time.
/// </summary>
public sealed class MemoryExecutionState : IExecutionState
{
    private readonly Dictionary<string, TaskExecution> _tasks = new(StringComparer.Ordinal);
    private readonly List<string> _taskOrder = [];
    private readonly Dictionary<string, List<string>> _tasksByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActionExecution> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _actionsByTask = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskItems> _items = new(StringComparer.Ordinal);
    private int _incomplete;

    public WorkflowExecution? Execution { get; private set; }

    /// <summary>Stores the changes of one decision, in order.</summary>
    public void Apply(IEnumerable<StateChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            switch (change)
            {
                case ExecutionCreated created:
                    Execution = created.Execution;
                    break;
                case ExecutionUpdated updated:
                    Execution = updated.Execution;
                    break;
                case TaskExecutionCreated created:
                    _tasks[created.Task.Id] = created.Task;
                    _taskOrder.Add(created.Task.Id);
                    if (!_tasksByName.TryGetValue(created.Task.Name, out var named))
                    {
                        _tasksByName[created.Task.Name] = named = [];
                    }

                    named.Add(created.Task.Id);
                    _incomplete += created.Task.State.IsCompleted() ? 0 : 1;
                    break;
                case TaskExecutionUpdated updated:
                    var before = _tasks[updated.Task.Id];
                    _incomplete += (updated.Task.State.IsCompleted() ? 0 : 1) - (before.State.IsCompleted() ? 0 : 1);
                    _tasks[updated.Task.Id] = updated.Task;
                    break;
                case ActionExecutionCreated created:
                    _actions[created.Action.Id] = created.Action;
                    if (!_actionsByTask.TryGetValue(created.Action.TaskExecutionId, out var list))
                    {
                        _actionsByTask[created.Action.TaskExecutionId] = list = [];
                    }

                    list.Add(created.Action.Id);
                    break;
                case ActionExecutionUpdated updated:
                    _actions[updated.Action.Id] = updated.Action;
                    break;
                case TaskItemsCreated items:
                    _items[items.Items.TaskExecutionId] = items.Items;
                    break;
                default:
                    throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(changes));
            }
        }
    }

    public TaskExecution? FindTask(string taskExecutionId) => _tasks.GetValueOrDefault(taskExecutionId);

    public IEnumerable<TaskExecution> TasksNamed(string name) =>
        _tasksByName.TryGetValue(name, out var ids) ? ids.Select(id => _tasks[id]) : [];

    public IEnumerable<TaskExecution> Tasks() => _taskOrder.Select(id => _tasks[id]);

    public int CountIncompleteTasks() => _incomplete;

    public int CountTasks() => _tasks.Count;

    public ActionExecution? FindAction(string actionExecutionId) => _actions.GetValueOrDefault(actionExecutionId);

    public IEnumerable<ActionExecution> ActionsOf(string taskExecutionId) =>
        _actionsByTask.TryGetValue(taskExecutionId, out var ids) ? ids.Select(id => _actions[id]) : [];

    public TaskItems? ItemsOf(string taskExecutionId) => _items.GetValueOrDefault(taskExecutionId);
}
