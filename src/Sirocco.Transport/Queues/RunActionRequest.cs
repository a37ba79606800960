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
    /// Sent again by an engine's crash recovery: the first copy may have reached a runner already (published,
    /// but the crash came before it was marked dispatched), so a runner treats it as redelivered.
    /// </summary>
    public bool Resent { get; init; }

    /// <summary>The queue of runners that have no particular target.</summary>
    public const string DefaultTarget = "default";
}
