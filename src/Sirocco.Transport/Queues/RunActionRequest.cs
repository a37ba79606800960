namespace Sirocco.Transport.Queues;

/// <summary>
/// A "run this action" work item, as the engine hands it to runners through an <see cref="ITaskQueue"/>.
/// Plain data, serializable with System.Text.Json; the input travels as JSON text so any queue can carry it.
/// </summary>
public sealed record RunActionRequest
{
    /// <summary>The action execution to run; runners de-duplicate by it, since delivery is at least once.</summary>
    public required string ActionExecutionId { get; init; }

    /// <summary>The registered action name, e.g. <c>std.http</c>.</summary>
    public required string ActionName { get; init; }

    /// <summary>The input dictionary as JSON text.</summary>
    public string InputJson { get; init; } = "{}";

    /// <summary>The workflow execution, or null for an action run without a workflow.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The task execution, or null for an action run without a workflow.</summary>
    public string? TaskExecutionId { get; init; }

    /// <summary>The workflow's name, or null.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>The URL a delegate hands to a third party to complete the action.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>The queue (group of runners) to run on: the task's <c>target</c>, or <see cref="DefaultTarget"/>.</summary>
    public string Target { get; init; } = DefaultTarget;

    /// <summary>The task's <c>timeout</c>: the runner stops the action and reports an error after it.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The task's <c>safe-rerun</c>: whether a redelivered request may run again.</summary>
    public bool SafeRerun { get; init; }

    /// <summary>
    /// Whether a runner must win the call's claim (<see cref="IActionResultSink.ClaimAsync"/>) before starting it,
    /// which is what keeps a call without <see cref="SafeRerun"/> from running twice: the engine may publish
    /// a request more than once (it re-sends what it cannot prove it handed over). The engine sets it false for
    /// actions without side effects, which may run twice whatever the task says; <see cref="SafeRerun"/> requests
    /// never claim. True by default, so a request that does not carry it (an older sender) is claimed.
    /// </summary>
    public bool ClaimRequired { get; init; } = true;

    /// <summary>The queue of runners that have no particular target.</summary>
    public const string DefaultTarget = "default";
}
