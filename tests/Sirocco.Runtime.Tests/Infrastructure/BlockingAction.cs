using Sirocco.Actions.Abstractions;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary><c>test.block</c>: runs until its call is cancelled, and tells the test it started and that it was stopped.</summary>
[Action("test.block")]
internal sealed class BlockingAction(BlockingProbe probe) : IAction
{
    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Stopped.TrySetResult();
            throw;
        }

        return ActionOutcome.Success();
    }
}
