namespace Sirocco.Api.Executions;

/// <summary>A completion or update of an action execution.</summary>
/// <param name="State">SUCCESS, ERROR, CANCELLED, RUNNING or PAUSED.</param>
/// <param name="OutputJson">The action's result (not yet wrapped in <c>{"result": …}</c>), or null.</param>
/// <param name="StateInfo">Free text, or null.</param>
public sealed record ActionCompletion(string State, string? OutputJson, string? StateInfo)
{
    /// <summary>The action's execution, when the caller has read the action already: saves reading it again.</summary>
    public string? WorkflowExecutionId { get; init; }
}
