using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Standard;

/// <summary>std.async_noop: a delegate that does nothing; someone completes it through the API.</summary>
[Action("std.async_noop", Description = "Stays pending until completed through the API.")]
internal sealed class AsyncNoOpAction : IAction
{
    public ValueTask<ActionOutcome> RunAsync(ActionContext context) => ValueTask.FromResult(ActionOutcome.Pending);
}
