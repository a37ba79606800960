namespace Sirocco.Engine.State;

/// <summary>A transition a completed task took (Mistral's <c>next_tasks</c>): a task name or engine command.</summary>
/// <param name="Name">The target task or engine command (<c>fail</c>, <c>succeed</c>, <c>pause</c>, <c>noop</c>).</param>
/// <param name="Event"><c>on-success</c>, <c>on-error</c> or <c>on-complete</c>.</param>
public sealed record NextTask(string Name, string Event);
