using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>A workflow execution row to insert.</summary>
public sealed record ExecutionCreated(WorkflowExecution Execution) : StateChange;
