namespace Sirocco.Engine.State;

/// <summary>
/// The policy bookkeeping of one task execution (Mistral keeps it in the task's runtime context):
/// which one-shot policies already ran, the timers that are pending, and the final state a
/// <c>wait-after</c> holds back.
/// </summary>
public sealed record TaskPolicyState
{
    public static TaskPolicyState None { get; } = new();

    /// <summary>The <c>wait-before</c> delay has passed (or there is none to wait).</summary>
    public bool WaitBeforeDone { get; init; }

    /// <summary>The <c>wait-after</c> delay has passed.</summary>
    public bool WaitAfterDone { get; init; }

    /// <summary><c>pause-before</c> paused the workflow at this task; resume lets it start.</summary>
    public bool PausedBefore { get; init; }

    /// <summary>The pending delay timer (wait-before, wait-after or retry), if any.</summary>
    public string? DelayTimerId { get; init; }

    /// <summary>The pending timeout timer, if any.</summary>
    public string? TimeoutTimerId { get; init; }

    /// <summary>The state the task reached before <c>wait-after</c> held it in RUNNING_DELAYED.</summary>
    public ExecutionState? HeldState { get; init; }

    /// <summary>A delay that ended while the workflow was paused: taken up again on resume.</summary>
    public Events.TimerPurpose? ExpiredWhilePaused { get; init; }

    /// <summary>The state_info that goes with <see cref="HeldState"/>.</summary>
    public string? HeldStateInfo { get; init; }
}
