using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>A sub-workflow finished; sent to the parent execution.</summary>
/// <param name="ExecutionId">The parent execution.</param>
/// <param name="ChildExecutionId">The sub-workflow execution (also its action execution id in the parent).</param>
/// <param name="State">SUCCESS, ERROR or CANCELLED.</param>
/// <param name="Output">The sub-workflow's output.</param>
/// <param name="StateInfo">Why it failed or was cancelled.</param>
public sealed record SubworkflowCompleted(string ExecutionId, string ChildExecutionId, ExecutionState State, DictValue Output, string? StateInfo)
    : EngineEvent(ExecutionId);
