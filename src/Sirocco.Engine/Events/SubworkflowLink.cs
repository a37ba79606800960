namespace Sirocco.Engine.Events;

/// <summary>Where a sub-workflow execution hangs in its tree.</summary>
/// <param name="ParentExecutionId">The parent workflow execution.</param>
/// <param name="TaskExecutionId">The parent's task execution that started it.</param>
/// <param name="RootExecutionId">The top-most execution of the tree.</param>
public sealed record SubworkflowLink(string ParentExecutionId, string TaskExecutionId, string RootExecutionId)
{
    /// <summary>The nesting depth of the sub-workflow (its parent's plus one), checked against <see cref="ExecutionLimits.MaxSubworkflowDepth"/>.</summary>
    public int Depth { get; init; } = 1;
}
