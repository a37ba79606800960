using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence.Durable;

/// <summary>
/// The operations one unit of work may do inside a write transaction of <see cref="IDurableStore"/>.
/// Everything a unit writes commits together with the other units of its group, or not at all.
/// </summary>
public interface IDurableTransaction
{
    /// <summary>
    /// Takes the per-execution lock until the end of the transaction (PostgreSQL: a row lock, so
    /// another server handling an event of the same execution waits; SQLite: the single writer
    /// already excludes everyone). Returns false when the execution does not exist.
    /// </summary>
    Task<bool> LockExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Loads an execution with its task rows, or null.</summary>
    Task<ExecutionSnapshot?> LoadExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>The definition snapshot an execution runs, or null.</summary>
    Task<string?> GetDefinitionTextAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Loads one task row, or null.</summary>
    Task<StoredTask?> GetTaskAsync(string taskExecutionId, CancellationToken cancellationToken);

    /// <summary>Loads one action execution (with its output), or null.</summary>
    Task<StoredAction?> GetActionAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>
    /// One action execution as the REST API shows it (with its output and its task's and execution's names and
    /// states), as this transaction sees it, or null.
    /// </summary>
    Task<ActionExecutionRecord?> ReadActionExecutionAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces an execution row (checks field sizes; bumps its version).</summary>
    Task SaveExecutionAsync(StoredExecution execution, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces task rows (checks the size of published data).</summary>
    Task SaveTasksAsync(IReadOnlyList<StoredTask> tasks, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces action executions (checks input and output sizes).</summary>
    Task SaveActionsAsync(IReadOnlyList<StoredAction> actions, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="callback"/> as soon as this unit's group has committed — on SQLite before that commit
    /// is synced to disk, while the writer syncs it in the background. Only for work whose every effect goes
    /// through a later unit of this store (which is synced after this one), so nothing outside can see it before
    /// this commit is durable. Not run when the unit or its group fails.
    /// </summary>
    void AfterCommit(Action callback);

    /// <summary>Appends commands to the outbox; returns them with their ids for dispatch after commit.</summary>
    Task<IReadOnlyList<OutboxMessage>> AppendOutboxAsync(IReadOnlyList<NewOutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Schedules timers (replacing a timer with the same id).</summary>
    Task ScheduleTimersAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken);

    /// <summary>Cancels timers by id; unknown ids are ignored.</summary>
    Task CancelTimersAsync(IReadOnlyList<string> timerIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a fired timer. Returns false when it is already gone — its event was applied by
    /// someone else, so the caller must not apply it again. This is what makes a timer fire once.
    /// </summary>
    Task<bool> ConsumeTimerAsync(string timerId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one due firing of a cron trigger: when the trigger still has <paramref name="expectedNext"/>
    /// as its next time, moves it to <paramref name="next"/> with <paramref name="remainingExecutions"/>
    /// (or deletes it when <paramref name="next"/> is null) and returns true. Returns false when another
    /// scheduler advanced it, is advancing it right now (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>), or it
    /// was deleted. The claim commits with whatever else the unit writes — the execution it starts.
    /// </summary>
    Task<bool> ClaimCronTriggerAsync(string triggerId, DateTimeOffset expectedNext, DateTimeOffset? next, int? remainingExecutions, CancellationToken cancellationToken);

    /// <summary>Marks outbox rows as handed over (idempotent); shares the group's commit.</summary>
    Task MarkDispatchedAsync(IReadOnlyList<long> outboxIds, CancellationToken cancellationToken);

    /// <summary>Records that a delegate action returned "pending": recovery must leave it waiting.</summary>
    Task MarkActionPendingAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an execution with everything below it: its tasks, action executions, sub-workflow executions
    /// (recursively), history, undispatched outbox rows and timers. Returns false when there is no such
    /// execution. Call <see cref="LockExecutionAsync"/> first so no event of it is being decided meanwhile.
    /// </summary>
    Task<bool> DeleteExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks RUNNING action calls that carry no mark yet as SENT — handed to the queue, where a runner may
    /// have started them — with the time after which they count as lost without a
    /// heartbeat (null: never). A CLAIMED call keeps its mark. Only SENT and CLAIMED calls are ever reported lost.
    /// </summary>
    Task MarkActionsSentAsync(IReadOnlyList<string> actionExecutionIds, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken);

    /// <summary>
    /// A runner's claim of a RUNNING action call before it starts it: marks the call CLAIMED by
    /// <paramref name="claimant"/> when it is unmarked or SENT (or already claimed by the same claimant, whose
    /// earlier answer was lost), with the time after which it counts as lost without a heartbeat (null: never).
    /// Returns whether <paramref name="claimant"/> holds the claim: only one runner ever starts a call.
    /// </summary>
    Task<bool> ClaimActionAsync(string actionExecutionId, string claimant, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken);

    /// <summary>Moves the heartbeat deadline of SENT or CLAIMED, RUNNING calls a runner vouched for; other ids are ignored.</summary>
    Task RecordHeartbeatsAsync(IReadOnlyCollection<string> actionExecutionIds, DateTimeOffset heartbeatDeadline, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one statement inside this group's commit, for a table that a component outside the persistence
    /// layer owns (and for tests' probes): SQLite has one writer, and a second connection writing beside
    /// the group-commit writer would wait for its lock (and add a commit of its own).
    /// Parameters are named as in the SQL, with their <c>@</c>. Returns the number of rows affected.
    /// </summary>
    Task<int> ExecuteSqlAsync(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken);

    /// <summary>Appends lines to the execution's history.</summary>
    Task AppendEventsAsync(string executionId, IReadOnlyList<(string Kind, string? PayloadJson)> events, CancellationToken cancellationToken);

    /// <summary>
    /// The engine's view of one execution, answered by targeted queries in this transaction (it sees
    /// the writes of earlier units of the same group).
    /// </summary>
    IExecutionState ExecutionState(string executionId);

    /// <summary>
    /// Stores a decision: row changes in order, timers (ScheduleTimer / CancelTimer become timer rows),
    /// every other command as an outbox row, and history lines for the event and task state changes.
    /// <paramref name="origin"/> is needed when the decision creates the execution. Returns the outbox
    /// rows to hand over after commit. <paramref name="runner"/> names the server that will dispatch the
    /// actions it creates (see <see cref="StoredAction.Runner"/>).
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ApplyDecisionAsync(Decision decision, EngineEvent cause, ExecutionOrigin? origin, string runner, CancellationToken cancellationToken);
}
