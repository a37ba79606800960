namespace Sirocco.Persistence.Durable;

/// <summary>A command the engine decided, kept until it has been handed to the queue.</summary>
/// <param name="Id">Position in the outbox; increasing.</param>
/// <param name="ExecutionId">Execution that produced it, if any.</param>
/// <param name="Kind">Command type name, e.g. <c>RunAction</c>.</param>
/// <param name="PayloadJson">Serialized command.</param>
/// <param name="CreatedAt">When it was decided.</param>
public sealed record OutboxMessage(long Id, string? ExecutionId, string Kind, string PayloadJson, DateTimeOffset CreatedAt);
