namespace Sirocco.Runtime.Scheduling;

/// <summary>What one attempt to fire a due trigger came to.</summary>
public enum CronFireOutcome
{
    /// <summary>Another scheduler fired (or is firing) this occurrence, or the trigger was deleted: nothing done.</summary>
    NotClaimed,

    /// <summary>Claimed, and the workflow execution was started in the same transaction.</summary>
    Started,

    /// <summary>Claimed, but no execution was started (the workflow or its env is gone, or the engine refused the start).</summary>
    Skipped,
}
