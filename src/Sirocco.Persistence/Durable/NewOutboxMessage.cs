namespace Sirocco.Persistence.Durable;

/// <summary>A command to append to the outbox in the current transaction.</summary>
/// <param name="ExecutionId">Execution that produced it, if any.</param>
/// <param name="Kind">Command type name.</param>
/// <param name="PayloadJson">Serialized command.</param>
public sealed record NewOutboxMessage(string? ExecutionId, string Kind, string PayloadJson);
