namespace Sirocco.Engine.State;

/// <summary>
/// An upstream task execution that led to a task, and through which clause (Mistral's <c>triggered_by</c>).
/// The task's inbound data is derived from its triggers, so nothing of the context is copied onto it.
/// </summary>
/// <param name="TaskExecutionId">The upstream task execution.</param>
/// <param name="Event"><c>on-success</c>, <c>on-error</c> or <c>on-complete</c>.</param>
public sealed record TaskTrigger(string TaskExecutionId, string Event);
