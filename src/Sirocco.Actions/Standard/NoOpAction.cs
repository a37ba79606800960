using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Standard;

/// <summary>std.noop: does nothing, outputs null.</summary>
[Action("std.noop", Description = "Does nothing; the output is null.")]
internal sealed class NoOpAction : IAction
{
    public ValueTask<ActionOutcome> RunAsync(ActionContext context) => ValueTask.FromResult(ActionOutcome.Success());
}
