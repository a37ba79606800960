using Sirocco.Engine.Events;

namespace Sirocco.Engine.Commands;

/// <summary>Deliver a <see cref="TimerFired"/> event at <see cref="DueAt"/>.</summary>
public sealed record ScheduleTimer(string TimerId, string ExecutionId, string TaskExecutionId, TimerPurpose Purpose, DateTimeOffset DueAt)
    : EngineCommand;
