using Sirocco.Engine.State;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// Targeted, synchronous row queries inside the current write transaction. The engine's
/// <see cref="Sirocco.Engine.State.IExecutionState"/> is synchronous (Decide is a pure function), so the
/// durable state answers it with these; an event touches only the rows it asks for.
/// </summary>
internal interface IExecutionRowSource
{
    StoredExecution? Execution(string executionId);

    /// <summary>The execution's row version as read when this transaction locked it, or null when it did not lock it.</summary>
    long? LockedVersion(string executionId);

    /// <summary>Engine views of executions kept between events, valid at their version.</summary>
    ExecutionCache Executions { get; }

    /// <summary>Engine views of tasks kept between events, valid at their row version.</summary>
    TaskCache TaskCopies { get; }

    /// <summary>The kept engine view of a task when the row still holds its version (one number read); null otherwise.</summary>
    TaskExecution? KeptTask(string taskExecutionId);

    StoredTask? Task(string taskExecutionId);

    IReadOnlyList<StoredTask> TasksNamed(string executionId, string name);

    IReadOnlyList<StoredTask> Tasks(string executionId);

    int CountIncompleteTasks(string executionId);

    int CountTasks(string executionId);

    StoredAction? Action(string actionExecutionId);

    IReadOnlyList<StoredAction> ActionsOf(string taskExecutionId);

    (string Variables, string Lists)? Items(string taskExecutionId);
}
