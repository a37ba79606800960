using Sirocco.Engine.State;

namespace Sirocco.Runtime.InMemory;

/// <summary>A finished (or stopped) execution as the in-memory runtime saw it: the execution row and its tasks in creation order.</summary>
public sealed record WorkflowRun(WorkflowExecution Execution, IReadOnlyList<TaskExecution> Tasks);
