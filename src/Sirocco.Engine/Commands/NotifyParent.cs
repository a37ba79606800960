using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Commands;

/// <summary>
/// A sub-workflow finished: the runtime delivers a <see cref="Events.SubworkflowCompleted"/> event to
/// <see cref="ParentExecutionId"/>.
/// </summary>
public sealed record NotifyParent(string ParentExecutionId, string ChildExecutionId, ExecutionState State, DictValue Output, string? StateInfo)
    : EngineCommand;
