using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>An action execution row to insert.</summary>
public sealed record ActionExecutionCreated(ActionExecution Action) : StateChange;
