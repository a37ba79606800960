namespace Sirocco.Persistence.CronTriggers;

/// <summary>A cron trigger: starts <see cref="WorkflowName"/> with fixed input on a schedule. Unique by name and project.</summary>
/// <param name="Id">UUID text.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Pattern">Cron pattern, or null for a one-shot trigger at <see cref="FirstExecutionTime"/>.</param>
/// <param name="FirstExecutionTime">First run requested by the user, if any.</param>
/// <param name="NextExecutionTime">When the scheduler fires it next (UTC).</param>
/// <param name="RemainingExecutions">Runs left, or null for unlimited.</param>
/// <param name="WorkflowName">Workflow to start.</param>
/// <param name="WorkflowId">Its definition id.</param>
/// <param name="WorkflowInputJson">Execution input, JSON object text.</param>
/// <param name="WorkflowParamsJson">Execution params, JSON object text.</param>
/// <param name="Scope"><c>private</c> or <c>public</c>.</param>
/// <param name="ProjectId">Owner.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last update.</param>
public sealed record CronTriggerRecord(
    string Id,
    string Name,
    string? Pattern,
    DateTimeOffset? FirstExecutionTime,
    DateTimeOffset NextExecutionTime,
    int? RemainingExecutions,
    string WorkflowName,
    string? WorkflowId,
    string WorkflowInputJson,
    string WorkflowParamsJson,
    string Scope,
    string ProjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);
