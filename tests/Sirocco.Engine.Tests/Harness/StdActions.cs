using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>What <c>std.noop</c>, <c>std.echo</c> and <c>std.fail</c> return, with Mistral's messages.</summary>
internal static class StdActions
{
    public static ActionOutcome Run(string actionExecutionId, string name, DictValue input)
    {
        var (className, allowed) = name switch
        {
            "std.noop" => ("NoOpAction", Array.Empty<string>()),
            "std.echo" => ("EchoAction", ["output", "delay"]),
            "std.fail" => ("FailAction", ["error_data"]),
            _ => (null, []),
        };
        var unexpected = input.Keys.Select(k => k.ToText()).Where(k => !allowed.Contains(k)).ToList();
        if (className is not null && unexpected.Count > 0)
        {
            return ActionOutcome.Failure(Value.From(
                $"Invalid input [name={name}, class={className}, unexpected={Value.List(unexpected.Select(Value.From)).ToRepr()}]"));
        }

        return Outcome(actionExecutionId, name, input);
    }

    private static ActionOutcome Outcome(string actionExecutionId, string name, DictValue input) => name switch
    {
        "std.noop" => ActionOutcome.Success(Value.Null),
        "std.echo" => ActionOutcome.Success(input.Get("output") ?? Value.Null),
        "std.fail" => input.Get("error_data") is { IsTruthy: true } data
            ? ActionOutcome.Failure(data)
            : ActionOutcome.Failure(Value.From(
                $"The action raised an exception [action=Fail action, action_ex_id={actionExecutionId}, msg='Fail action expected exception.']")),
        _ => ActionOutcome.Failure(Value.From($"Failed to find action [action_name={name}, namespace=]")),
    };
}
