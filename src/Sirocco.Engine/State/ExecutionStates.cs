namespace Sirocco.Engine.State;

/// <summary>Mistral's names and classifications of <see cref="ExecutionState"/>.</summary>
public static class ExecutionStates
{
    /// <summary>True for SUCCESS, ERROR and CANCELLED: nothing more will happen.</summary>
    public static bool IsCompleted(this ExecutionState state) =>
        state is ExecutionState.Success or ExecutionState.Error or ExecutionState.Cancelled;

    /// <summary>The upper-case name the REST API and the database use (<c>RUNNING_DELAYED</c>).</summary>
    public static string ToMistral(this ExecutionState state) => state switch
    {
        ExecutionState.Idle => "IDLE",
        ExecutionState.Waiting => "WAITING",
        ExecutionState.Running => "RUNNING",
        ExecutionState.RunningDelayed => "RUNNING_DELAYED",
        ExecutionState.Paused => "PAUSED",
        ExecutionState.Success => "SUCCESS",
        ExecutionState.Error => "ERROR",
        ExecutionState.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Parses a Mistral state name; false when the name is unknown.</summary>
    public static bool TryParse(string? name, out ExecutionState state)
    {
        foreach (var candidate in Enum.GetValues<ExecutionState>())
        {
            if (string.Equals(candidate.ToMistral(), name, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }
}
