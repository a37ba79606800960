using Sirocco.Expressions.Values;

namespace Sirocco.Engine.State;

/// <summary>
/// One call a task made: an action run, or a sub-workflow start (then <see cref="Id"/> is the child
/// workflow execution's id). A plain task has one; a <c>with-items</c> task one per item and attempt.
/// </summary>
public sealed record ActionExecution
{
    public required string Id { get; init; }

    public required string TaskExecutionId { get; init; }

    public required string WorkflowExecutionId { get; init; }

    /// <summary>The action name, or the sub-workflow name when <see cref="Type"/> is a workflow.</summary>
    public required string Name { get; init; }

    public TaskType Type { get; init; }

    public ExecutionState State { get; init; } = ExecutionState.Running;

    public string? StateInfo { get; init; }

    public DictValue Input { get; init; } = DictValue.Empty;

    /// <summary>The result on success, the error value on failure; null while running.</summary>
    public Value? Output { get; init; }

    /// <summary>The item index of a <c>with-items</c> task; 0 otherwise.</summary>
    public int Index { get; init; }

    /// <summary>False for results that no longer count (a timed-out or superseded attempt), as Mistral's <c>accepted</c>.</summary>
    public bool Accepted { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
