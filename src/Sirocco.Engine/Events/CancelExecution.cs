namespace Sirocco.Engine.Events;

/// <summary>A request to cancel an execution: running actions and sub-workflows are cancelled, timers dropped.</summary>
public sealed record CancelExecution(string ExecutionId, string? Message = null) : EngineEvent(ExecutionId);
