namespace Sirocco.Engine.Events;

/// <summary>A request to pause a running execution (running actions finish; nothing new starts).</summary>
public sealed record PauseExecution(string ExecutionId, string? Message = null) : EngineEvent(ExecutionId);
