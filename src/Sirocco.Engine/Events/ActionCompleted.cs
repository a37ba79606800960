namespace Sirocco.Engine.Events;

/// <summary>An action (sync or delegate) finished. Delivered at least once: duplicates are ignored.</summary>
public sealed record ActionCompleted(string ExecutionId, string ActionExecutionId, ActionOutcome Outcome) : EngineEvent(ExecutionId);
