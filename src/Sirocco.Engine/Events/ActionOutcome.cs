using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>How an action ended: success with its output, error with its error value, or cancelled.</summary>
public sealed record ActionOutcome
{
    private ActionOutcome(ExecutionState state, Value value)
    {
        State = state;
        Value = value;
    }

    /// <summary>SUCCESS, ERROR or CANCELLED.</summary>
    public ExecutionState State { get; }

    /// <summary>The output on success; the error (usually a string) otherwise.</summary>
    public Value Value { get; }

    public static ActionOutcome Success(Value output) => new(ExecutionState.Success, output);

    public static ActionOutcome Failure(Value error) => new(ExecutionState.Error, error);

    public static ActionOutcome Cancelled(Value? reason = null) => new(ExecutionState.Cancelled, reason ?? Value.Null);
}
