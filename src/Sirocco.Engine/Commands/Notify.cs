using Sirocco.Engine.State;

namespace Sirocco.Engine.Commands;

/// <summary>A state change observers may want (webhook notifications, live UI): Mistral's notification events.</summary>
/// <param name="ExecutionId">The workflow execution.</param>
/// <param name="EventName">Mistral's event name, e.g. <c>WORKFLOW_SUCCEEDED</c>, <c>TASK_FAILED</c>.</param>
/// <param name="TaskExecutionId">The task, for task events.</param>
/// <param name="State">The new state.</param>
public sealed record Notify(string ExecutionId, string EventName, string? TaskExecutionId, ExecutionState State) : EngineCommand;
