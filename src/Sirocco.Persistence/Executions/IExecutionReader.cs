using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Executions;

/// <summary>
/// Read side of executions for the REST API and the UI. Writes happen only through the runtime's
/// event loop (one transaction per batch of events), never through this interface.
/// </summary>
public interface IExecutionReader
{
    /// <summary>One execution with its output, or null.</summary>
    Task<WorkflowExecutionRecord?> GetWorkflowExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// One page of executions. <paramref name="includeOutput"/> false leaves <c>OutputJson</c> null
    /// (Mistral's list default). Filter fields: id, workflow_name, workflow_id, workflow_namespace,
    /// state, description, task_execution_id, root_execution_id, project_id, tags, created_at, updated_at.
    /// </summary>
    Task<IReadOnlyList<WorkflowExecutionRecord>> ListWorkflowExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken);

    /// <summary>How many top-level executions (not sub-workflows) are RUNNING, counting no further than <paramref name="atMost"/>.</summary>
    Task<int> CountRunningExecutionsAsync(int atMost, CancellationToken cancellationToken);

    /// <summary>The execution's own variables (vars and <c>global</c> publishes) with its definition, or null.</summary>
    Task<ExecutionVariablesRecord?> GetExecutionVariablesAsync(string id, CancellationToken cancellationToken);

    /// <summary>One task with its assembled <c>ResultJson</c>, or null.</summary>
    Task<TaskExecutionRecord?> GetTaskExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>One page of tasks. Filter fields: id, name, type, workflow_execution_id, workflow_name, workflow_id, state, processed, project_id, created_at, updated_at.</summary>
    Task<IReadOnlyList<TaskExecutionRecord>> ListTaskExecutionsAsync(ListQuery query, CancellationToken cancellationToken);

    /// <summary>One action execution with its output, or null.</summary>
    Task<ActionExecutionRecord?> GetActionExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>One page of action executions. Filter fields: id, name, task_execution_id, task_name, workflow_name, state, accepted, project_id, created_at, updated_at.</summary>
    Task<IReadOnlyList<ActionExecutionRecord>> ListActionExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken);
}
