using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Tests.Support;

/// <summary><c>test.gate</c>: runs until the test opens its gate (see <see cref="GateProbe"/>).</summary>
[Action("test.gate")]
internal sealed class GateAction(GateProbe probe) : IAction
{
    public async ValueTask<ActionOutcome> RunAsync(ActionContext context) => ActionOutcome.Success(await probe.EnterAsync(context));
}
