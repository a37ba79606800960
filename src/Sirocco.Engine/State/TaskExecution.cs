using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.State;

/// <summary>
/// One run of a task (Mistral's <c>task_executions</c> row). It stores only what the task adds to the
/// workflow — its <see cref="Published"/> variables and its <see cref="Result"/> — and the links
/// (<see cref="TriggeredBy"/>) from which its inbound context is derived; never a copy of the context.
/// </summary>
public sealed record TaskExecution
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string WorkflowExecutionId { get; init; }

    /// <summary>The workflow's name (Mistral's <c>workflow_name</c>).</summary>
    public required string WorkflowName { get; init; }

    /// <summary><c>ACTION</c> or <c>WORKFLOW</c>.</summary>
    public TaskType Type { get; init; }

    public ExecutionState State { get; init; } = ExecutionState.Idle;

    public string? StateInfo { get; init; }

    /// <summary>The upstream task executions whose outbound contexts merge into this task's inbound context.</summary>
    public ImmutableArray<TaskTrigger> TriggeredBy { get; init; } = [];

    /// <summary>The transitions taken when the task completed.</summary>
    public ImmutableArray<NextTask> NextTasks { get; init; } = [];

    /// <summary>Variables published with the (default) branch scope.</summary>
    public DictValue Published { get; init; } = DictValue.Empty;

    /// <summary>The result (action output, sub-workflow output, list of item results); null when not kept or not yet known.</summary>
    public Value? Result { get; init; }

    /// <summary>True when the task failed and an <c>on-error</c> clause handles it (Mistral's <c>error_handled</c>).</summary>
    public bool ErrorHandled { get; init; }

    /// <summary>How many times the retry policy has re-run the task so far.</summary>
    public int RetryCount { get; init; }

    /// <summary>Counters of a <c>with-items</c> task; null otherwise.</summary>
    public WithItemsProgress? WithItems { get; init; }

    /// <summary>A join still waiting for inbound tasks (Mistral creates the join's execution in WAITING).</summary>
    public bool IsJoin { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>True when any transition was taken (Mistral's <c>has_next_tasks</c>).</summary>
    public bool HasNextTasks => !NextTasks.IsEmpty;
}
