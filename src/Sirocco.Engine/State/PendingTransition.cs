namespace Sirocco.Engine.State;

/// <summary>A transition to a task decided but not yet taken (held by a <c>pause</c> command).</summary>
/// <param name="TaskName">The task to start.</param>
/// <param name="FromTaskExecutionId">The task execution whose completion chose the transition.</param>
/// <param name="Event"><c>on-success</c>, <c>on-error</c> or <c>on-complete</c>.</param>
public sealed record PendingTransition(string TaskName, string FromTaskExecutionId, string Event);
