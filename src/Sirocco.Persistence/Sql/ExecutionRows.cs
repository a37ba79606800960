using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of <c>workflow_executions</c> as the API reads it.</summary>
internal sealed class WorkflowExecutionRow
{
    public const string Columns = "id, workflow_name, workflow_namespace, workflow_id, description, state, state_info, input, params, task_execution_id, root_execution_id, project_id, tags, created_at, updated_at";

    public string Id { get; set; } = "";

    public string WorkflowName { get; set; } = "";

    public string WorkflowNamespace { get; set; } = "";

    public string? WorkflowId { get; set; }

    public string? Description { get; set; }

    public string State { get; set; } = "";

    public string? StateInfo { get; set; }

    public string Input { get; set; } = "{}";

    public string? Output { get; set; }

    public string Params { get; set; } = "{}";

    public string? TaskExecutionId { get; set; }

    public string? RootExecutionId { get; set; }

    public string ProjectId { get; set; } = "";

    public string? Tags { get; set; }

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public WorkflowExecutionRecord ToRecord() =>
        new(Id, WorkflowName, WorkflowNamespace, WorkflowId, Description, State, StateInfo, Input, Output, Params, TaskExecutionId, RootExecutionId, ProjectId, Micros.To(CreatedAt), Micros.To(UpdatedAt))
        {
            Tags = JsonText.ToList(Tags),
        };
}
