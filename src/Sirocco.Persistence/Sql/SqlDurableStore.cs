using Dapper;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Sql;

/// <summary>Outbox, timers, history and retention over plain SQL, with writes through a <see cref="GroupCommitWriter"/>.</summary>
internal sealed partial class SqlDurableStore : SqlStoreBase, IDurableStore, IAsyncDisposable
{
    // Literal list: Dapper would pass a list parameter as an array to Npgsql, where "IN @x" is not valid SQL.
    private const string FinishedStates = "('SUCCESS', 'ERROR', 'CANCELLED')";

    private readonly GroupCommitWriter _writer;

    public SqlDurableStore(SqlDialect dialect, StoreOptions options)
        : base(dialect, options)
    {
        _writer = new GroupCommitWriter(dialect, options, dialect.SingleWriter ? 1 : options.PostgresWriters, options.MaxGroupSize);
    }

    public GroupCommitWriter Writer => _writer;

    public (long Commits, long Units) CommitStatistics => (_writer.Commits, _writer.Units);

    public Task<T> ExecuteAsync<T>(Func<IDurableTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.ExecuteAsync(work, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListUndispatchedAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<OutboxMessage>>(
            async connection => (await connection.QueryAsync<DurableRows.OutboxRow>(
                new CommandDefinition("SELECT id, execution_id, kind, payload, created_at FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT @Limit", new { Limit = limit }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => r.ToMessage()).ToList(),
            cancellationToken);

    public async Task<IReadOnlyList<(long OutboxId, string? ActionExecutionId)>> MarkSentAsync(IReadOnlyList<(long OutboxId, string? ActionExecutionId)> sent, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken)
    {
        var outboxIds = sent.Select(s => s.OutboxId).Distinct().Order().ToList();
        var actionIds = sent.Where(s => s.ActionExecutionId is not null).Select(s => s.ActionExecutionId!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (Dialect.SingleWriter)
        {
            // SQLite: one writer, no row locks, nothing to deadlock with; the mark shares a group commit.
            await _writer.ExecuteAsync(
                async (tx, token) =>
                {
                    await tx.MarkDispatchedAsync(outboxIds, token).ConfigureAwait(false);
                    if (actionIds.Count > 0)
                    {
                        await tx.MarkActionsSentAsync(actionIds, heartbeatDeadline, token).ConfigureAwait(false);
                    }

                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
            return [];
        }

        // PostgreSQL: in a transaction of its own that never waits. Inside a group it held the rows it had marked
        // while waiting for a row an event of another writer's group was changing, whose group waited for one of
        // those: a deadlock PostgreSQL only breaks after a second (deadlock_timeout), over and over. A call whose
        // row is locked right now is left out together with its outbox row (so a crash before the next try still
        // finds it undispatched and sends it again) and handed back to be marked later.
        var now = Micros.From(Options.Clock.GetUtcNow());
        var deadline = Micros.From(heartbeatDeadline);
        return await WriteAsync<IReadOnlyList<(long, string?)>>(
            async (connection, transaction) =>
            {
                var free = actionIds.Count == 0
                    ? []
                    : (await connection.QueryAsync<string>(new CommandDefinition(
                        "SELECT id FROM action_executions WHERE id = ANY(@Ids) FOR UPDATE SKIP LOCKED", new { Ids = actionIds.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                if (free.Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE action_executions SET runner_state = 'SENT', heartbeat_deadline = @Deadline WHERE state = 'RUNNING' AND runner_state IS NULL AND id = ANY(@Ids)",
                        new { Deadline = deadline, Ids = free.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                var busy = sent.Where(s => s.ActionExecutionId is { } id && !free.Contains(id)).ToList();
                var dispatched = sent.Except(busy).Select(s => s.OutboxId).Distinct().ToArray();
                if (dispatched.Length > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE outbox SET dispatched_at = @Now WHERE dispatched_at IS NULL AND id = ANY(@Ids)", new { Now = now, Ids = dispatched }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                return busy;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<DurableTimer>> ClaimDueTimersAsync(DateTimeOffset now, TimeSpan lease, string owner, int limit, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<DurableTimer>>(
            async (connection, transaction) =>
            {
                // PostgreSQL: SKIP LOCKED lets two servers claim disjoint sets at once. SQLite: the
                // BEGIN IMMEDIATE of the write transaction already makes this the only claimer.
                var sql = "UPDATE timers SET locked_until = @Until, locked_by = @Owner WHERE id IN (" +
                          "SELECT id FROM timers WHERE due_at <= @Now AND (locked_until IS NULL OR locked_until < @Now) ORDER BY due_at, id LIMIT @Limit" + Dialect.ForUpdateSkipLocked +
                          ") RETURNING id, execution_id, kind, payload, due_at";
                var rows = await connection.QueryAsync<DurableRows.TimerRow>(
                    new CommandDefinition(sql, new { Now = Micros.From(now), Until = Micros.From(now + lease), Owner = owner, Limit = limit }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToTimer()).OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            },
            cancellationToken);

    public Task<DateTimeOffset?> NextTimerDueAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => Micros.To(await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MIN(due_at) FROM timers", cancellationToken: cancellationToken)).ConfigureAwait(false)),
            cancellationToken);

    public Task<IReadOnlyList<StoredAction>> ListLostActionsAsync(string runner, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredAction>>(
            async connection => (await connection.QueryAsync<DurableRows.ActionRow>(
                new CommandDefinition(
                    $"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE state = 'RUNNING' AND type = 'ACTION' AND runner = @Runner AND runner_state IN ('SENT', 'CLAIMED') ORDER BY created_at, id LIMIT @Limit",
                    new { Runner = runner, Limit = limit },
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => r.ToStored()).ToList(),
            cancellationToken);

    public Task<IReadOnlyList<StoredAction>> ListSilentActionsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredAction>>(
            async connection => (await connection.QueryAsync<DurableRows.ActionRow>(
                new CommandDefinition(
                    $"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE state = 'RUNNING' AND runner_state IN ('SENT', 'CLAIMED') AND heartbeat_deadline < @Now ORDER BY heartbeat_deadline, id LIMIT @Limit",
                    new { Now = Micros.From(now), Limit = limit },
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => r.ToStored()).ToList(),
            cancellationToken);

    public Task<StoredAction?> GetActionAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<DurableRows.ActionRow>(
                new CommandDefinition($"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE id = @Id", new { Id = actionExecutionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToStored(),
            cancellationToken);

    public Task<int> ReleaseTimerLeasesAsync(string owner, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                new CommandDefinition("UPDATE timers SET locked_until = NULL, locked_by = NULL WHERE locked_by = @Owner", new { Owner = owner }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<string>> ListExecutionIdsAsync(IReadOnlyList<string> states, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                parameters.Add("Limit", limit);
                var names = new List<string>();
                for (var i = 0; i < states.Count; i++)
                {
                    parameters.Add("s" + i, states[i]);
                    names.Add("@s" + i);
                }

                var sql = $"SELECT id FROM workflow_executions WHERE state IN ({string.Join(", ", names)}) ORDER BY created_at, id LIMIT @Limit";
                return (await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            },
            cancellationToken);

    public Task<IReadOnlyList<ExecutionEvent>> ListEventsAsync(string executionId, long afterId, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ExecutionEvent>>(
            async connection => (await connection.QueryAsync<DurableRows.EventRow>(
                new CommandDefinition("SELECT id, execution_id, kind, payload, created_at FROM execution_events WHERE execution_id = @ExecutionId AND id > @AfterId ORDER BY id LIMIT @Limit", new { ExecutionId = executionId, AfterId = afterId, Limit = limit }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => r.ToEvent()).ToList(),
            cancellationToken);

    public Task<int> ApplyRetentionAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                var expired = new HashSet<string>(StringComparer.Ordinal);
                if (policy.MaxAge is { } maxAge)
                {
                    expired.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                        $"SELECT id FROM workflow_executions WHERE state IN {FinishedStates} AND finished_at < @Cutoff AND task_execution_id IS NULL ORDER BY finished_at LIMIT @Limit",
                        new { Cutoff = Micros.From(now - maxAge), Limit = policy.BatchSize },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false));
                }

                if (policy.MaxFinishedCount is { } keep)
                {
                    expired.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                        $"SELECT id FROM workflow_executions WHERE state IN {FinishedStates} AND task_execution_id IS NULL ORDER BY finished_at DESC, id DESC LIMIT @Limit OFFSET @Keep",
                        new { Keep = keep, Limit = policy.BatchSize },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false));
                }

                foreach (var id in expired.Take(policy.BatchSize))
                {
                    await DeleteExecutionTreeAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
                }

                return Math.Min(expired.Count, policy.BatchSize);
            },
            cancellationToken);

    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => await connection.ExecuteScalarAsync<long>(new CommandDefinition(Dialect.SizeQuery, cancellationToken: cancellationToken)).ConfigureAwait(false),
            cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Deletes one execution and its sub-workflow executions, depth first (shared by retention and <c>DELETE /v2/executions</c>).</summary>
    internal static async Task DeleteExecutionTreeAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string id, CancellationToken cancellationToken)
    {
        // Sub-workflows hang off tasks of their parent; delete them first, then the execution's own
        // rows. Tasks and actions go by ON DELETE CASCADE.
        var children = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT w.id FROM workflow_executions w JOIN task_executions t ON t.id = w.task_execution_id WHERE t.workflow_execution_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var child in children)
        {
            await DeleteExecutionTreeAsync(connection, transaction, child, cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM execution_events WHERE execution_id = @Id; DELETE FROM outbox WHERE execution_id = @Id; DELETE FROM timers WHERE execution_id = @Id; DELETE FROM workflow_executions WHERE id = @Id",
            new { Id = id },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
