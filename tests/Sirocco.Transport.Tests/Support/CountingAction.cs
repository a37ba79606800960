using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Transport.Tests.Support;

/// <summary><c>test.count</c>: records that it started; with <c>block: true</c> runs until the probe releases it.</summary>
[Action("test.count")]
internal sealed class CountingAction(CountingProbe probe) : IAction
{
    [ActionInput("block")]
    public Value Block { get; set; } = Value.From(false);

    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        await probe.EnterAsync(context.ActionExecutionId, Block.Equals(Value.From(true)), context.CancellationToken);
        return ActionOutcome.Success(Value.From(context.ActionExecutionId));
    }
}
