using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.State;

/// <summary>
/// One run of a workflow (Mistral's <c>workflow_executions</c> row). <see cref="Context"/> holds only the
/// evaluated <c>vars</c> and the variables published with the <c>global</c> scope; task data lives on the
/// tasks that produced it.
/// </summary>
public sealed record WorkflowExecution
{
    public required string Id { get; init; }

    /// <summary>The workflow's name (Mistral's <c>name</c> and <c>workflow_name</c>).</summary>
    public required string WorkflowName { get; init; }

    public string? Description { get; init; }

    public ExecutionState State { get; init; } = ExecutionState.Idle;

    public string? StateInfo { get; init; }

    /// <summary>The input after defaults were applied.</summary>
    public DictValue Input { get; init; } = DictValue.Empty;

    /// <summary>The output once the execution has finished; empty before.</summary>
    public DictValue Output { get; init; } = DictValue.Empty;

    /// <summary>Execution params (<c>env</c> resolved to its variables, <c>task_name</c> of reverse workflows, ...).</summary>
    public DictValue Params { get; init; } = DictValue.Empty;

    /// <summary>Evaluated <c>vars</c> and <c>global</c>-scope published variables.</summary>
    public DictValue Context { get; init; } = DictValue.Empty;

    /// <summary>The top-most execution of a sub-workflow tree; null for a top-level execution.</summary>
    public string? RootExecutionId { get; init; }

    /// <summary>The parent task execution of a sub-workflow; null for a top-level execution.</summary>
    public string? TaskExecutionId { get; init; }

    /// <summary>The parent workflow execution of a sub-workflow; null for a top-level execution.</summary>
    public string? ParentExecutionId { get; init; }

    /// <summary>How deep the execution nests: 0 for a top-level execution, 1 for its sub-workflows, and so on.</summary>
    public int Depth { get; init; }

    /// <summary>
    /// Transitions held back by a <c>pause</c> command, taken in order on resume (Mistral's backlog).
    /// </summary>
    public ImmutableArray<PendingTransition> Backlog { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The environment variables (<c>env()</c>): <c>params.env</c>, empty when none.</summary>
    public DictValue Environment => Params.Get("env") as DictValue ?? DictValue.Empty;
}
