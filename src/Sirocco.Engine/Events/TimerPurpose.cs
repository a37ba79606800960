namespace Sirocco.Engine.Events;

/// <summary>Why a timer was scheduled.</summary>
public enum TimerPurpose
{
    /// <summary><c>wait-before</c>: start the task's action when due.</summary>
    WaitBefore,

    /// <summary><c>wait-after</c>: complete the task when due.</summary>
    WaitAfter,

    /// <summary><c>retry</c> delay: run the task again when due.</summary>
    RetryDelay,

    /// <summary><c>timeout</c>: fail the task if still running when due.</summary>
    Timeout,
}
