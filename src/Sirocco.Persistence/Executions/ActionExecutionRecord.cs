namespace Sirocco.Persistence.Executions;

/// <summary>An action execution as the REST API shows it.</summary>
/// <param name="Id">UUID text.</param>
/// <param name="Name">Action name, e.g. <c>std.echo</c>.</param>
/// <param name="TaskExecutionId">Owning task, null for an action run outside a workflow.</param>
/// <param name="TaskName">Owning task's name.</param>
/// <param name="WorkflowName">Workflow of the owning execution.</param>
/// <param name="WorkflowNamespace">Its namespace.</param>
/// <param name="State">RUNNING, SUCCESS, ERROR, CANCELLED, PAUSED.</param>
/// <param name="StateInfo">Why, for errors.</param>
/// <param name="Accepted">A result has been accepted (false while a delegate action waits).</param>
/// <param name="InputJson">Action input.</param>
/// <param name="OutputJson">Output (<c>{"result": …}</c>); null while running or when not requested.</param>
/// <param name="Description">Free text.</param>
/// <param name="ProjectId">Owner.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record ActionExecutionRecord(
    string Id,
    string Name,
    string? TaskExecutionId,
    string? TaskName,
    string? WorkflowName,
    string? WorkflowNamespace,
    string State,
    string? StateInfo,
    bool Accepted,
    string InputJson,
    string? OutputJson,
    string? Description,
    string ProjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Position of this item in a with-items task, 0 otherwise.</summary>
    public int ItemIndex { get; init; }

    /// <summary>The execution that runs it, null for an action run outside a workflow.</summary>
    public string? WorkflowExecutionId { get; init; }

    /// <summary>Its task's state when it was read (a late completion is refused once the task has ended), null without a task.</summary>
    public string? TaskState { get; init; }

    /// <summary>Its task's state info when it was read.</summary>
    public string? TaskStateInfo { get; init; }

    /// <summary>
    /// This action as reading its row back would give it right after the engine stored <paramref name="stored"/> (its
    /// copy of this action, from the decision just committed): the state, state info, accepted flag, output and update
    /// time the engine wrote. The task's state stays as read before.
    /// </summary>
    public ActionExecutionRecord AsStored(Engine.State.ActionExecution stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var row = Execution.EngineRows.ToStored(stored);
        return this with
        {
            State = row.State,
            StateInfo = row.StateInfo,
            Accepted = row.Accepted,
            OutputJson = row.OutputJson,
            UpdatedAt = Sql.Micros.Stored(row.UpdatedAt),
        };
    }
}
