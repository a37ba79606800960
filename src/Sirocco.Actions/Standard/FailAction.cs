using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>std.fail: always fails, with <c>error_data</c> as the error when given.</summary>
[Action("std.fail", Description = "Always fails; 'error_data' becomes the error.")]
internal sealed class FailAction : IAction
{
    [ActionInput("error_data")]
    public Value ErrorData { get; set; } = Value.Null;

    public ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        // Mistral returns error_data when it is truthy and otherwise raises; the runner words the raise.
        if (ErrorData.IsTruthy)
        {
            return ValueTask.FromResult(ActionOutcome.Error(ErrorData));
        }

        throw new ActionException("Fail action expected exception.");
    }

    // Mistral's FailAction.__repr__, which its error message quotes.
    public override string ToString() => "Fail action";
}
