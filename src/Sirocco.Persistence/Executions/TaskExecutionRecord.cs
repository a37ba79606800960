namespace Sirocco.Persistence.Executions;

/// <summary>A task execution as the REST API shows it.</summary>
/// <param name="Id">UUID text.</param>
/// <param name="Name">Task name.</param>
/// <param name="Type"><c>ACTION</c> or <c>WORKFLOW</c>.</param>
/// <param name="WorkflowExecutionId">Execution the task belongs to.</param>
/// <param name="WorkflowName">Name of that execution's workflow.</param>
/// <param name="WorkflowNamespace">Its namespace.</param>
/// <param name="WorkflowId">Its definition id.</param>
/// <param name="State">IDLE, WAITING, RUNNING, RUNNING_DELAYED, SUCCESS, ERROR, CANCELLED.</param>
/// <param name="StateInfo">Why, for errors.</param>
/// <param name="PublishedJson">Variables this task published (only what it added).</param>
/// <param name="RuntimeContextJson">Retry counters, <c>triggered_by</c>, with-items bookkeeping.</param>
/// <param name="Processed">Its transitions have been evaluated.</param>
/// <param name="ProjectId">Owner.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="StartedAt">When it started running.</param>
/// <param name="FinishedAt">When it completed.</param>
public sealed record TaskExecutionRecord(
    string Id,
    string Name,
    string Type,
    string WorkflowExecutionId,
    string WorkflowName,
    string WorkflowNamespace,
    string? WorkflowId,
    string State,
    string? StateInfo,
    string PublishedJson,
    string RuntimeContextJson,
    bool Processed,
    string ProjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Tags from the task spec.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// The task result (a list for with-items), assembled from its action executions on a single
    /// get; null in lists. The task row itself stores no copy of it.
    /// </summary>
    public string? ResultJson { get; init; }
}
