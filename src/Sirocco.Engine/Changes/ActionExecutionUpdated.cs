using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>An action execution row to update (state, output, accepted).</summary>
public sealed record ActionExecutionUpdated(ActionExecution Action) : StateChange;
