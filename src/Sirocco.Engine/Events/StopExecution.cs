using Sirocco.Engine.State;

namespace Sirocco.Engine.Events;

/// <summary>
/// A request to end an execution at once in <see cref="ExecutionState.Success"/> or <see cref="ExecutionState.Error"/>
/// (Mistral's <c>stop_workflow</c>, <c>PUT /v2/executions/{id}</c> with such a <c>state</c>). The output is evaluated
/// against what has finished so far; work still open is closed and a parent sees the child end as usual.
/// </summary>
/// <param name="ExecutionId">The execution to stop.</param>
/// <param name="State">SUCCESS or ERROR.</param>
/// <param name="Message">Becomes the execution's <c>state_info</c>.</param>
public sealed record StopExecution(string ExecutionId, ExecutionState State, string? Message = null) : EngineEvent(ExecutionId)
{
    /// <summary>
    /// End in ERROR with an empty output instead of the evaluated one: the runtime's last resort when the
    /// decision of an event could not be stored because a field (the output, a publish) was over the size limit.
    /// </summary>
    public bool WithoutOutput { get; init; }
}
