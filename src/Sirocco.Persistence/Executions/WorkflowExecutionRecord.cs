namespace Sirocco.Persistence.Executions;

/// <summary>A workflow execution as the REST API shows it; JSON fields are JSON text.</summary>
/// <param name="Id">UUID text.</param>
/// <param name="WorkflowName">Name of the workflow run.</param>
/// <param name="WorkflowNamespace">Its namespace.</param>
/// <param name="WorkflowId">Its definition id.</param>
/// <param name="Description">Free text from the start request.</param>
/// <param name="State">RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED, IDLE.</param>
/// <param name="StateInfo">Why it is in that state (errors), or null.</param>
/// <param name="InputJson">Input object.</param>
/// <param name="OutputJson">Output object; null when not requested in a list.</param>
/// <param name="ParamsJson">Start params (<c>env</c>, <c>namespace</c>, …).</param>
/// <param name="TaskExecutionId">Parent task when this is a sub-workflow.</param>
/// <param name="RootExecutionId">Top-level execution of a sub-workflow tree.</param>
/// <param name="ProjectId">Owner.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record WorkflowExecutionRecord(
    string Id,
    string WorkflowName,
    string WorkflowNamespace,
    string? WorkflowId,
    string? Description,
    string State,
    string? StateInfo,
    string InputJson,
    string? OutputJson,
    string ParamsJson,
    string? TaskExecutionId,
    string? RootExecutionId,
    string ProjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Tags from the workflow definition.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
