using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Tests.Support;

/// <summary><c>test.stubborn</c>: blocks its thread and ignores cancellation, as a badly written plugin might.</summary>
[Action("test.stubborn")]
internal sealed class BlockingAction(ManualResetEventSlim release, TaskCompletionSource started) : IAction
{
    public ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        started.TrySetResult();
        release.Wait(TimeSpan.FromSeconds(30));
        return ValueTask.FromResult(ActionOutcome.Success());
    }
}
