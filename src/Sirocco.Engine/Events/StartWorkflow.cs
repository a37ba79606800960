using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>Starts a new execution with the given id (chosen by the caller, so a retry is idempotent).</summary>
/// <param name="ExecutionId">The id of the execution to create.</param>
/// <param name="Input">The caller's input, before defaults.</param>
/// <param name="Params">Execution params: <c>env</c> (a name or a dict), <c>task_name</c> (reverse workflows), ...</param>
/// <param name="Description">The execution's description.</param>
public sealed record StartWorkflow(string ExecutionId, DictValue Input, DictValue Params, string? Description = null)
    : EngineEvent(ExecutionId)
{
    /// <summary>The parent link when this execution is a sub-workflow; null for a top-level one.</summary>
    public SubworkflowLink? Parent { get; init; }
}
