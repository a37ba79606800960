using Sirocco.Persistence.CronTriggers;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of <c>cron_triggers</c>.</summary>
internal sealed class CronTriggerRow
{
    public const string Columns = "id, name, pattern, first_execution_time, next_execution_time, remaining_executions, workflow_name, workflow_id, workflow_input, workflow_params, scope, project_id, created_at, updated_at";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Pattern { get; set; }

    public long? FirstExecutionTime { get; set; }

    public long NextExecutionTime { get; set; }

    public long? RemainingExecutions { get; set; }

    public string WorkflowName { get; set; } = "";

    public string? WorkflowId { get; set; }

    public string WorkflowInput { get; set; } = "{}";

    public string WorkflowParams { get; set; } = "{}";

    public string Scope { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public static object Parameters(CronTriggerRecord r) => new
    {
        r.Id,
        r.Name,
        r.Pattern,
        FirstExecutionTime = Micros.From(r.FirstExecutionTime),
        NextExecutionTime = Micros.From(r.NextExecutionTime),
        RemainingExecutions = (long?)r.RemainingExecutions,
        r.WorkflowName,
        r.WorkflowId,
        WorkflowInput = r.WorkflowInputJson,
        WorkflowParams = r.WorkflowParamsJson,
        r.Scope,
        r.ProjectId,
        CreatedAt = Micros.From(r.CreatedAt),
        UpdatedAt = Micros.From(r.UpdatedAt),
    };

    public CronTriggerRecord ToRecord() => new(
        Id,
        Name,
        Pattern,
        Micros.To(FirstExecutionTime),
        Micros.To(NextExecutionTime),
        RemainingExecutions is { } n ? (int)n : null,
        WorkflowName,
        WorkflowId,
        WorkflowInput,
        WorkflowParams,
        Scope,
        ProjectId,
        Micros.To(CreatedAt),
        Micros.To(UpdatedAt));
}
