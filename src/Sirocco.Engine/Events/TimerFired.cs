namespace Sirocco.Engine.Events;

/// <summary>A timer the engine scheduled with <see cref="Commands.ScheduleTimer"/> is due.</summary>
public sealed record TimerFired(string ExecutionId, string TimerId, TimerPurpose Purpose, string TaskExecutionId) : EngineEvent(ExecutionId);
