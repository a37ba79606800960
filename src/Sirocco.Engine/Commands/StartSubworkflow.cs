using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Commands;

/// <summary>
/// Start a sub-workflow as a new execution; the runtime turns this into a <see cref="StartWorkflow"/>
/// event for <see cref="ChildExecutionId"/>, and its end comes back as <see cref="SubworkflowCompleted"/>.
/// </summary>
public sealed record StartSubworkflow(string ChildExecutionId, string WorkflowName, DictValue Input, DictValue Params, SubworkflowLink Parent)
    : EngineCommand
{
    public string? Description { get; init; }
}
