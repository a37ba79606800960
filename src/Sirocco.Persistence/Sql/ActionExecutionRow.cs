using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of <c>action_executions</c> joined with its task and execution names.</summary>
internal sealed class ActionExecutionRow
{
    public const string SelectPrefix = "SELECT a.id, a.name, a.task_execution_id, t.name AS task_name, w.workflow_name, w.workflow_namespace, a.state, a.state_info, a.accepted, a.input, ";

    public const string From = " a.description, a.project_id, a.item_index, a.created_at, a.updated_at, a.workflow_execution_id, t.state AS task_state, t.state_info AS task_state_info FROM action_executions a LEFT JOIN task_executions t ON t.id = a.task_execution_id LEFT JOIN workflow_executions w ON w.id = a.workflow_execution_id";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? TaskExecutionId { get; set; }

    public string? TaskName { get; set; }

    public string? WorkflowName { get; set; }

    public string? WorkflowNamespace { get; set; }

    public string State { get; set; } = "";

    public string? StateInfo { get; set; }

    public bool Accepted { get; set; }

    public string Input { get; set; } = "{}";

    public string? Output { get; set; }

    public string? Description { get; set; }

    public string ProjectId { get; set; } = "";

    public long ItemIndex { get; set; }

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public string? WorkflowExecutionId { get; set; }

    public string? TaskState { get; set; }

    public string? TaskStateInfo { get; set; }

    public static string Select(bool includeOutput) => SelectPrefix + (includeOutput ? "a.output," : "NULL AS output,") + From;

    public ActionExecutionRecord ToRecord() =>
        new(Id, Name, TaskExecutionId, TaskName, WorkflowName, WorkflowNamespace, State, StateInfo, Accepted, Input, Output, Description, ProjectId, Micros.To(CreatedAt), Micros.To(UpdatedAt))
        {
            ItemIndex = (int)ItemIndex,
            WorkflowExecutionId = WorkflowExecutionId,
            TaskState = TaskState,
            TaskStateInfo = TaskStateInfo,
        };
}
