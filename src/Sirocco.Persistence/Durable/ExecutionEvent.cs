namespace Sirocco.Persistence.Durable;

/// <summary>One line of an execution's append-only history.</summary>
/// <param name="Id">Position in the history; increasing.</param>
/// <param name="ExecutionId">The execution.</param>
/// <param name="Kind">Event or change name, e.g. <c>TaskCompleted</c>.</param>
/// <param name="PayloadJson">Details, JSON text, or null.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record ExecutionEvent(long Id, string ExecutionId, string Kind, string? PayloadJson, DateTimeOffset CreatedAt);
