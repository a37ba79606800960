using System.Data.Common;

namespace Sirocco.Persistence.Sql;

/// <summary>The statements that mark a batch of dispatched work, shared by the store and the group-commit unit.</summary>
internal static class OutboxMarks
{
    /// <summary>
    /// Marks outbox rows dispatched. The ids are bound as parameters, never inlined: Dapper caches (and compiles) a
    /// reader per distinct SQL text, so inlined ids made a new text, a new cache entry and a JIT compilation per batch.
    /// </summary>
    public static Task<int> MarkDispatchedAsync(SqlStatements statements, DbTransaction transaction, IReadOnlyList<long> outboxIds, long nowMicros, CancellationToken cancellationToken) =>
        statements.ExecuteForIdsAsync(transaction,
            "UPDATE outbox SET dispatched_at = @Now WHERE dispatched_at IS NULL AND id IN ({ids})",
            outboxIds, static (name, id) => SqlParameter.Int(name, id), [SqlParameter.Int("@Now", nowMicros)], cancellationToken);

    /// <summary>Marks action calls SENT (they may have started), one statement per chunk of ids.</summary>
    public static Task<int> MarkSentAsync(SqlStatements statements, DbTransaction transaction, IReadOnlyList<string> actionExecutionIds, long? heartbeatDeadlineMicros, CancellationToken cancellationToken) =>
        statements.ExecuteForIdsAsync(transaction,
            "UPDATE action_executions SET runner_state = 'SENT', heartbeat_deadline = @Deadline WHERE state = 'RUNNING' AND runner_state IS NULL AND id IN ({ids})",
            actionExecutionIds, SqlParameter.Text, [SqlParameter.Int("@Deadline", heartbeatDeadlineMicros)], cancellationToken);
}
