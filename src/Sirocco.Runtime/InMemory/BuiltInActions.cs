using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;

namespace Sirocco.Runtime.InMemory;

/// <summary>
/// <c>std.noop</c>, <c>std.echo</c> and <c>std.fail</c> with Mistral's results and messages, so that
/// <c>sirocco run</c> and the tests work without the full action runner. Anything else fails as unknown.
/// </summary>
public sealed class BuiltInActions : IActionInvoker
{
    public Task<ActionOutcome?> InvokeAsync(RunAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Task.FromResult<ActionOutcome?>(Run(action.ActionExecutionId, action.ActionName, action.Input));
    }

    internal static ActionOutcome Run(string actionExecutionId, string name, DictValue input)
    {
        var (className, allowed) = name switch
        {
            "std.noop" => ("NoOpAction", Array.Empty<string>()),
            "std.echo" => ("EchoAction", ["output", "delay"]),
            "std.fail" => ("FailAction", ["error_data"]),
            _ => (null, []),
        };
        if (className is null)
        {
            return ActionOutcome.Failure(Value.From($"Failed to find action [action_name={name}, namespace=]"));
        }

        var unexpected = input.Keys.Select(JsonValues.KeyText).Where(k => !allowed.Contains(k)).ToList();
        if (unexpected.Count > 0)
        {
            return ActionOutcome.Failure(Value.From(
                $"Invalid input [name={name}, class={className}, unexpected={Value.List(unexpected.Select(Value.From)).ToRepr()}]"));
        }

        return name switch
        {
            "std.noop" => ActionOutcome.Success(Value.Null),
            "std.echo" => ActionOutcome.Success(input.Get("output") ?? Value.Null),
            _ => input.Get("error_data") is { IsTruthy: true } data
                ? ActionOutcome.Failure(data)
                : ActionOutcome.Failure(Value.From(
                    $"The action raised an exception [action=Fail action, action_ex_id={actionExecutionId}, msg='Fail action expected exception.']")),
        };
    }
}
