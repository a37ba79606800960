using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;

namespace Sirocco.Runtime.InMemory;

/// <summary>
/// Runs one action for the in-memory runtime. The real action runner (Sirocco.Actions) plugs in here;
/// <see cref="BuiltInActions"/> is the tiny default set.
/// </summary>
public interface IActionInvoker
{
    /// <summary>The action's outcome, or null when it is a delegate action that another party completes later.</summary>
    Task<ActionOutcome?> InvokeAsync(RunAction action, CancellationToken cancellationToken);
}
