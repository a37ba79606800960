using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>A task execution row to insert.</summary>
public sealed record TaskExecutionCreated(TaskExecution Task) : StateChange;
