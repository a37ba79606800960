namespace Sirocco.Engine.State;

/// <summary>
/// What the engine reads of one workflow execution while it decides an event. The runtime implements
/// it: in memory over dictionaries, durably with targeted queries (by id, by task name, counts), so
/// that an event touches only the rows it needs instead of loading the whole execution.
/// Sequences are in creation order.
/// </summary>
public interface IExecutionState
{
    /// <summary>The execution; null before its <c>StartWorkflow</c> event was decided.</summary>
    WorkflowExecution? Execution { get; }

    TaskExecution? FindTask(string taskExecutionId);

    /// <summary>Every execution of the named task (several in cycles).</summary>
    IEnumerable<TaskExecution> TasksNamed(string name);

    /// <summary>Every task execution. Read only when the workflow completes or an expression asks for it.</summary>
    IEnumerable<TaskExecution> Tasks();

    /// <summary>How many task executions are not in SUCCESS, ERROR or CANCELLED.</summary>
    int CountIncompleteTasks();

    /// <summary>How many task executions the execution has. Read only when a task that can run more than once starts (the task-count limit).</summary>
    int CountTasks();

    ActionExecution? FindAction(string actionExecutionId);

    /// <summary>The action executions (and sub-workflow calls) of one task execution.</summary>
    IEnumerable<ActionExecution> ActionsOf(string taskExecutionId);

    /// <summary>The item lists of a <c>with-items</c> task execution, or null.</summary>
    TaskItems? ItemsOf(string taskExecutionId);
}
