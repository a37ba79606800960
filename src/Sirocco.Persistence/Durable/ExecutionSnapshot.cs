namespace Sirocco.Persistence.Durable;

/// <summary>
/// What the engine needs to decide on one event of one execution: the execution row and its task
/// rows (each small: state, published variables, bookkeeping). Action executions are loaded one at
/// a time by id, so a with-items task with many items costs constant work per item.
/// </summary>
/// <param name="Execution">The execution.</param>
/// <param name="Tasks">Its tasks in creation order.</param>
public sealed record ExecutionSnapshot(StoredExecution Execution, IReadOnlyList<StoredTask> Tasks);
