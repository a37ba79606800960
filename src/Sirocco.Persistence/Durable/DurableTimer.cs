namespace Sirocco.Persistence.Durable;

/// <summary>A delayed event (wait-before, wait-after, retry delay, timeout) that survives restarts.</summary>
/// <param name="Id">Unique id; the engine chooses it so it can cancel the timer later.</param>
/// <param name="ExecutionId">Execution it belongs to, if any.</param>
/// <param name="Kind">What fires, e.g. <c>RetryDelay</c>.</param>
/// <param name="PayloadJson">Serialized event data.</param>
/// <param name="DueAt">When it fires (UTC).</param>
public sealed record DurableTimer(string Id, string? ExecutionId, string Kind, string PayloadJson, DateTimeOffset DueAt);
