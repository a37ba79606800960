using Sirocco.Expressions.Values;

namespace Sirocco.Expressions;

/// <summary>
/// What Mistral's state-reading functions (<c>task()</c>, <c>tasks()</c>, <c>executions()</c>,
/// <c>global()</c>) see. The engine implements it over the execution being decided; tests use a fake.
/// <c>env()</c> and <c>execution()</c> read <c>__env</c> and <c>__execution</c> from the data context
/// itself, as in Mistral, so they need nothing from here.
/// </summary>
public interface IWorkflowState
{
    /// <summary>
    /// <c>task(name)</c>: a dict with <c>id</c>, <c>name</c>, <c>spec</c>, <c>state</c>, <c>state_info</c>,
    /// <c>result</c>, <c>published</c>; <paramref name="taskName"/> null means the current task.
    /// Returns null when no such task ran in this execution.
    /// </summary>
    Value? Task(string? taskName);

    /// <summary><c>tasks(workflow_execution_id, recursive, state, flat)</c>: a list of task dicts.</summary>
    Value Tasks(string? workflowExecutionId, bool recursive, string? state, bool flat);

    /// <summary><c>executions(id, root_execution_id, state, from_time, to_time)</c>: a list of execution dicts.</summary>
    Value Executions(string? id, string? rootExecutionId, string? state, string? fromTime, string? toTime);

    /// <summary><c>global(name)</c>: a variable published with the <c>global</c> scope, or null.</summary>
    Value? Global(string name);
}
