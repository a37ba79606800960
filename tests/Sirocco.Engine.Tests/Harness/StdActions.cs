using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>What <c>std.noop</c>, <c>std.echo</c> and <c>std.fail</c> return, with Mistral's messages.</summary>
internal static class StdActions
{
    public static ActionOutcome Run(string actionExecutionId, string name, DictValue input) => name switch
    {
        "std.noop" => ActionOutcome.Success(Value.Null),
        "std.echo" => ActionOutcome.Success(input.Get("output") ?? Value.Null),
        "std.fail" => input.Get("error_data") is { IsTruthy: true } data
            ? ActionOutcome.Failure(data)
            : ActionOutcome.Failure(Value.From(
                $"The action raised an exception [action=Fail action, action_ex_id={actionExecutionId}, msg='Fail action expected exception.']")),
        _ => ActionOutcome.Failure(Value.From($"Failed to find action [action_name={name}]")),
    };
}
