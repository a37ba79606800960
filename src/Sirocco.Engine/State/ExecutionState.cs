namespace Sirocco.Engine.State;

/// <summary>The states of workflow, task and action executions, as Mistral names them.</summary>
public enum ExecutionState
{
    /// <summary>Created, not started.</summary>
    Idle,

    /// <summary>A join task waiting for its inbound tasks.</summary>
    Waiting,

    /// <summary>Started and not finished.</summary>
    Running,

    /// <summary>Running but held back by a timer (wait-before, retry delay).</summary>
    RunningDelayed,

    /// <summary>Held by the user, a <c>pause</c> command or <c>pause-before</c>.</summary>
    Paused,

    /// <summary>Finished without error.</summary>
    Success,

    /// <summary>Finished with an error.</summary>
    Error,

    /// <summary>Stopped by a cancel request.</summary>
    Cancelled,
}
