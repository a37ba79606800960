namespace Sirocco.Persistence.Durable;

/// <summary>
/// The runtime's side of the database: write transactions with group commit, the outbox, durable
/// timers, history and retention.
/// </summary>
public interface IDurableStore
{
    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction shared with other concurrent callers
    /// (group commit: one commit, one fsync for all). Each unit runs under its own savepoint, so a
    /// unit that throws is rolled back alone and its caller gets the exception. The returned task
    /// completes only after the commit is durable; if the commit fails, every unit of the group fails.
    /// A store may run the work on the calling thread before returning (SQLite does when its writer is idle), so
    /// do not call this from inside a unit of work of another store.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<IDurableTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Commits made and units of work committed by this store so far: their ratio is the mean group size.</summary>
    (long Commits, long Units) CommitStatistics { get; }

    /// <summary>Outbox rows not yet marked dispatched, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListUndispatchedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks outbox rows dispatched and their action calls <c>SENT</c> (where still RUNNING and unmarked). Returns
    /// the pairs left entirely unmarked, outbox row included, because another transaction held the call's row at
    /// that moment (PostgreSQL: the mark never waits for a row lock); mark those again later.
    /// </summary>
    Task<IReadOnlyList<(long OutboxId, string? ActionExecutionId)>> MarkSentAsync(IReadOnlyList<(long OutboxId, string? ActionExecutionId)> sent, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> due timers for <paramref name="lease"/>: no other claimer
    /// gets them until the lease runs out (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: the
    /// single writer). The timer stays until its event's transaction consumes it.
    /// </summary>
    Task<IReadOnlyList<DurableTimer>> ClaimDueTimersAsync(DateTimeOffset now, TimeSpan lease, string owner, int limit, CancellationToken cancellationToken);

    /// <summary>Earliest due time of any timer, for the poller's sleep; null when there is none.</summary>
    Task<DateTimeOffset?> NextTimerDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Action calls a crashed incarnation of <paramref name="runner"/> left RUNNING: sync actions it
    /// marked SENT or a runner CLAIMED whose result never came back (delegates that reported "pending" are not lost, calls
    /// never handed over are re-sent from the outbox instead).
    /// </summary>
    Task<IReadOnlyList<StoredAction>> ListLostActionsAsync(string runner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The RUNNING sync action calls <paramref name="runner"/> marked SENT that no runner has claimed: with an
    /// in-process queue, after a crash of that server, such a call certainly never started.
    /// </summary>
    Task<IReadOnlyList<StoredAction>> ListUnclaimedActionsAsync(string runner, int limit, CancellationToken cancellationToken);

    /// <summary>Outbox rows of <paramref name="kind"/> of these executions, dispatched or not, oldest first (to send a command again).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListOutboxAsync(IReadOnlyList<string> executionIds, string kind, CancellationToken cancellationToken);

    /// <summary>
    /// SENT or CLAIMED, RUNNING sync action calls of any server whose heartbeat deadline passed before
    /// <paramref name="now"/>: their runner stopped answering.
    /// </summary>
    Task<IReadOnlyList<StoredAction>> ListSilentActionsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>One action execution (to find its execution when a runner reports a result), or null.</summary>
    Task<StoredAction?> GetActionAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>Frees the timer leases <paramref name="owner"/> held before a restart, so its late timers fire now.</summary>
    Task<int> ReleaseTimerLeasesAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Executions in one of <paramref name="states"/>, oldest first (ids only).</summary>
    Task<IReadOnlyList<string>> ListExecutionIdsAsync(IReadOnlyList<string> states, int limit, CancellationToken cancellationToken);

    /// <summary>History lines of one execution after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<ExecutionEvent>> ListEventsAsync(string executionId, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes expired finished executions; returns how many were deleted.</summary>
    Task<int> ApplyRetentionAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Bytes the database occupies (pages in use), for growth tests and metrics.</summary>
    Task<long> SizeInBytesAsync(CancellationToken cancellationToken);
}
