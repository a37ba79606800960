namespace Sirocco.Engine.Events;

/// <summary>The runner of an action stopped heartbeating: rerun when the task is <c>safe-rerun</c>, else fail it.</summary>
public sealed record ActionLost(string ExecutionId, string ActionExecutionId) : EngineEvent(ExecutionId);
