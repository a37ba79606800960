using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>A task execution row to update (state, published, result, counters).</summary>
public sealed record TaskExecutionUpdated(TaskExecution Task) : StateChange;
