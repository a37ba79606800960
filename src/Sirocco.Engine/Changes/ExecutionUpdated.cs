using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>A workflow execution row to update (state, output, context, backlog).</summary>
public sealed record ExecutionUpdated(WorkflowExecution Execution) : StateChange;
