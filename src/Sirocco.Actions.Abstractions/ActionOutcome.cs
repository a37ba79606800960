using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Abstractions;

/// <summary>The result of one action call: success with an output, an error value, or pending (a delegate).</summary>
public sealed class ActionOutcome
{
    private static readonly ActionOutcome PendingInstance = new(ActionOutcomeKind.Pending, Value.Null);

    private ActionOutcome(ActionOutcomeKind kind, Value value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The outcome of a delegate action: the action execution stays RUNNING until completed from outside.</summary>
    public static ActionOutcome Pending => PendingInstance;

    /// <summary>Which of the three outcomes this is.</summary>
    public ActionOutcomeKind Kind { get; }

    /// <summary>The output on success, the error on error, null when pending.</summary>
    public Value Value { get; }

    /// <summary>True for <see cref="ActionOutcomeKind.Success"/>.</summary>
    public bool IsSuccess => Kind == ActionOutcomeKind.Success;

    /// <summary>True for <see cref="ActionOutcomeKind.Error"/>.</summary>
    public bool IsError => Kind == ActionOutcomeKind.Error;

    /// <summary>True for <see cref="ActionOutcomeKind.Pending"/>.</summary>
    public bool IsPending => Kind == ActionOutcomeKind.Pending;

    /// <summary>A successful call; a missing output is JSON null (Mistral's <c>None</c>).</summary>
    public static ActionOutcome Success(Value? output = null) => new(ActionOutcomeKind.Success, output ?? Value.Null);

    /// <summary>An expected failure described by any value (Mistral's <c>Result(error=...)</c>).</summary>
    public static ActionOutcome Error(Value error) => new(ActionOutcomeKind.Error, error);

    /// <summary>An expected failure described by a message.</summary>
    public static ActionOutcome Error(string message) => new(ActionOutcomeKind.Error, new StringValue(message));

    /// <inheritdoc />
    public override string ToString() => Kind == ActionOutcomeKind.Pending ? "Pending" : $"{Kind}({Value.ToJson()})";
}
