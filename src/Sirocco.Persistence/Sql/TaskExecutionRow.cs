using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of <c>task_executions</c> joined with its execution's workflow identity.</summary>
internal sealed class TaskExecutionRow
{
    public const string Select = "SELECT t.id, t.name, t.type, t.workflow_execution_id, w.workflow_name, w.workflow_namespace, w.workflow_id, t.state, t.state_info, t.published, t.runtime_context, t.processed, t.project_id, t.tags, t.created_at, t.updated_at, t.started_at, t.finished_at FROM task_executions t JOIN workflow_executions w ON w.id = t.workflow_execution_id";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string WorkflowExecutionId { get; set; } = "";

    public string WorkflowName { get; set; } = "";

    public string WorkflowNamespace { get; set; } = "";

    public string? WorkflowId { get; set; }

    public string State { get; set; } = "";

    public string? StateInfo { get; set; }

    public string Published { get; set; } = "{}";

    public string RuntimeContext { get; set; } = "{}";

    public bool Processed { get; set; }

    public string ProjectId { get; set; } = "";

    public string? Tags { get; set; }

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }

    public TaskExecutionRecord ToRecord(string? resultJson = null) =>
        new(Id, Name, Type, WorkflowExecutionId, WorkflowName, WorkflowNamespace, WorkflowId, State, StateInfo, Published, RuntimeContext, Processed, ProjectId, Micros.To(CreatedAt), Micros.To(UpdatedAt), Micros.To(StartedAt), Micros.To(FinishedAt))
        {
            Tags = JsonText.ToList(Tags),
            ResultJson = resultJson,
        };
}
