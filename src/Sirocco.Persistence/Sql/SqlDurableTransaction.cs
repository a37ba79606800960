using System.Data.Common;
using Dapper;
using static Sirocco.Persistence.Sql.SqlParameter;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Sql;

/// <summary>One unit's view of a group-commit transaction.</summary>
internal sealed partial class SqlDurableTransaction(SqlStatements statements, DbTransaction transaction, SqlDialect dialect, StoreOptions options, ExecutionCache executions, TaskCache tasks) : IDurableTransaction, IExecutionRowSource
{
    private const string OutboxInsert = "INSERT INTO outbox (execution_id, kind, payload, created_at) VALUES (@ExecutionId, @Kind, @Payload, @CreatedAt) RETURNING id";
    private const string TimerUpsert = "INSERT INTO timers (id, execution_id, kind, payload, due_at, created_at) VALUES (@Id, @ExecutionId, @Kind, @Payload, @DueAt, @Now) " +
        "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at, locked_until = NULL, locked_by = NULL";

    private static readonly (string Kind, string Payload)[] EventParameterNames =
        [.. Enumerable.Range(0, 8).Select(i => ($"@Kind{i}", $"@Payload{i}"))];

    // EventInsertTexts[n - 1] inserts n history lines.
    private static readonly string[] EventInsertTexts =
        [.. Enumerable.Range(1, EventParameterNames.Length).Select(n => "INSERT INTO execution_events (execution_id, kind, payload, created_at) VALUES " +
            string.Join(", ", EventParameterNames.Take(n).Select(p => $"(@ExecutionId, {p.Kind}, {p.Payload}, @Now)")))];

    private readonly string _lockExecution = $"SELECT version FROM workflow_executions WHERE id = @Id{dialect.ForUpdate}";

    // The version each execution had when a unit of this group locked it (each unit locks before it reads).
    private readonly Dictionary<string, long> _lockedVersions = new(StringComparer.Ordinal);

    // The state each task had when this group last read or wrote it.
    private readonly Dictionary<string, string> _taskStates = new(StringComparer.Ordinal);

    // Callbacks of the group's units, run once the group has committed.
    private readonly List<Action> _afterCommit = [];

    public ExecutionCache Executions => executions;

    public TaskCache TaskCopies => tasks;

    public void AfterCommit(Action callback) => _afterCommit.Add(callback);

    /// <summary>How many callbacks are registered: a failed unit's own are dropped back to this mark.</summary>
    internal int AfterCommitMark => _afterCommit.Count;

    internal void DropAfterCommit(int mark) => _afterCommit.RemoveRange(mark, _afterCommit.Count - mark);

    internal void RunAfterCommit()
    {
        foreach (var callback in _afterCommit)
        {
            callback();
        }
    }

    public long? LockedVersion(string executionId) => _lockedVersions.TryGetValue(executionId, out var version) ? version : null;

    // Identity columns the engine does not carry (definition id, namespace, snapshot, description)
    // are written at creation and kept when a later save leaves them null.
    private static readonly string ExecutionUpsert = Upsert("workflow_executions", DurableRows.ExecutionColumns, "version", "version = workflow_executions.version + 1")
        .Replace("workflow_id = excluded.workflow_id", "workflow_id = COALESCE(excluded.workflow_id, workflow_executions.workflow_id)", StringComparison.Ordinal)
        .Replace("definition = excluded.definition", "definition = COALESCE(excluded.definition, workflow_executions.definition)", StringComparison.Ordinal)
        .Replace("description = excluded.description", "description = COALESCE(excluded.description, workflow_executions.description)", StringComparison.Ordinal)
        .Replace("workflow_namespace = excluded.workflow_namespace", "workflow_namespace = workflow_executions.workflow_namespace", StringComparison.Ordinal)
        .Replace("project_id = excluded.project_id", "project_id = workflow_executions.project_id", StringComparison.Ordinal)
        .Replace("@ProjectId", "COALESCE((SELECT p.project_id FROM task_executions p WHERE p.id = @TaskExecutionId), @ProjectId)", StringComparison.Ordinal);

    // Tasks, actions and sub-workflows belong to the project of the execution that runs them (the engine does
    // not carry project ids), so a key of that project, and only that project, sees them.
    private static readonly string TaskUpsert = Upsert("task_executions", DurableRows.TaskColumns, "version", "version = task_executions.version + 1")
        .Replace("project_id = excluded.project_id", "project_id = task_executions.project_id", StringComparison.Ordinal)
        .Replace("@ProjectId", "COALESCE((SELECT p.project_id FROM workflow_executions p WHERE p.id = @WorkflowExecutionId), @ProjectId)", StringComparison.Ordinal)
        + " RETURNING version";
    private static readonly string ActionUpsert = Upsert("action_executions", DurableRows.ActionColumns, null, null)
        .Replace("runner = excluded.runner", "runner = COALESCE(excluded.runner, action_executions.runner)", StringComparison.Ordinal)
        .Replace("project_id = excluded.project_id", "project_id = action_executions.project_id", StringComparison.Ordinal)
        .Replace("@ProjectId", "COALESCE((SELECT p.project_id FROM workflow_executions p WHERE p.id = @WorkflowExecutionId), @ProjectId)", StringComparison.Ordinal);

    // A row the engine changes gets only the columns it can change after creation. The upserts rewrite every
    // column, so SQLite checked both foreign keys and rewrote the row's entry in every index of the table: a
    // WAL page each, in every commit. The task's state (in an index) is left out while it stays the same — a
    // with-items task's progress, a task publishing as it completes — and the statement says so in its WHERE,
    // so a stale idea of the state costs a second statement, never a wrong row.
    private const string ActionUpdate =
        "UPDATE action_executions SET state = @State, state_info = @StateInfo, accepted = @Accepted, output = @Output, updated_at = @UpdatedAt WHERE id = @Id";
    private const string TaskChangeableColumns =
        "state_info = @StateInfo, published = @Published, runtime_context = @RuntimeContext, engine_state = @EngineState, processed = @Processed, " +
        "updated_at = @UpdatedAt, started_at = @StartedAt, finished_at = @FinishedAt, version = version + 1";
    private const string TaskUpdate = $"UPDATE task_executions SET state = @State, {TaskChangeableColumns} WHERE id = @Id RETURNING version";
    private const string TaskUpdateInSameState = $"UPDATE task_executions SET {TaskChangeableColumns} WHERE id = @Id AND state = @State RETURNING version";

    public Task<bool> LockExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        _lockedVersions.Remove(executionId);
        if (statements.Scalar<long?>(transaction, _lockExecution, [Text("@Id", executionId)]) is not { } version)
        {
            return System.Threading.Tasks.Task.FromResult(false);
        }

        _lockedVersions[executionId] = version;
        return System.Threading.Tasks.Task.FromResult(true);
    }

    public async Task<ExecutionSnapshot?> LoadExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await Connection.QuerySingleOrDefaultAsync<DurableRows.ExecutionRow>(
            Command($"SELECT {DurableRows.ExecutionStateColumns} FROM workflow_executions WHERE id = @Id", new { Id = executionId }, cancellationToken)).ConfigureAwait(false);
        if (execution is null)
        {
            return null;
        }

        var tasks = await Connection.QueryAsync<DurableRows.TaskRow>(
            Command($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id ORDER BY created_at, id", new { Id = executionId }, cancellationToken)).ConfigureAwait(false);
        return new ExecutionSnapshot(execution.ToStored(), tasks.Select(t => t.ToStored()).ToList());
    }

    public Task<string?> GetDefinitionTextAsync(string executionId, CancellationToken cancellationToken) =>
        Connection.ExecuteScalarAsync<string?>(Command("SELECT definition FROM workflow_executions WHERE id = @Id", new { Id = executionId }, cancellationToken));

    public async Task<StoredTask?> GetTaskAsync(string taskExecutionId, CancellationToken cancellationToken) =>
        (await Connection.QuerySingleOrDefaultAsync<DurableRows.TaskRow>(
            Command($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE id = @Id", new { Id = taskExecutionId }, cancellationToken)).ConfigureAwait(false))?.ToStored();

    public async Task<StoredAction?> GetActionAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        (await Connection.QuerySingleOrDefaultAsync<DurableRows.ActionRow>(
            Command($"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE id = @Id", new { Id = actionExecutionId }, cancellationToken)).ConfigureAwait(false))?.ToStored();

    public async Task SaveExecutionAsync(StoredExecution execution, CancellationToken cancellationToken)
    {
        options.CheckFieldSize("WorkflowExecution", "input", execution.InputJson);
        options.CheckFieldSize("WorkflowExecution", "output", execution.OutputJson);
        options.CheckFieldSize("WorkflowExecution", "params", execution.ParamsJson);
        _lockedVersions.Remove(execution.Id); // the write raises the version: what was locked is no longer current
        await statements.ExecuteAsync(transaction, ExecutionUpsert, DurableRows.Parameters(execution), cancellationToken).ConfigureAwait(false);
    }

    public Task SaveTasksAsync(IReadOnlyList<StoredTask> tasks, CancellationToken cancellationToken)
    {
        foreach (var task in tasks)
        {
            SaveTask(task);
        }

        return System.Threading.Tasks.Task.CompletedTask;
    }

    /// <summary>Writes one task row; returns the version the write gave it.</summary>
    private long SaveTask(StoredTask task)
    {
        options.CheckFieldSize("TaskExecution", "published", task.PublishedJson);
        var version = statements.Scalar<long>(transaction, TaskUpsert, DurableRows.Parameters(task));
        _taskStates[task.Id] = task.State;
        return version;
    }

    /// <summary>Writes a task the engine decided and keeps the engine's copy for the next events, at the row's new version.</summary>
    private void SaveTask(Engine.State.TaskExecution task, bool created, bool stateChanged)
    {
        var stored = EngineRows.ToStored(task);
        var version = created ? SaveTask(stored) : UpdateTask(stored, stateChanged);
        if (EngineRows.AsReloaded(task) is { } copy)
        {
            tasks.Remember(task.Id, version, copy);
        }
    }

    private long UpdateTask(StoredTask task, bool stateChanged)
    {
        options.CheckFieldSize("TaskExecution", "published", task.PublishedJson);
        var parameters = DurableRows.UpdateParameters(task);
        var version = stateChanged ? null : statements.Scalar<long?>(transaction, TaskUpdateInSameState, parameters);
        version ??= statements.Scalar<long?>(transaction, TaskUpdate, parameters);
        _taskStates[task.Id] = task.State;
        return version ?? SaveTask(task); // No row to update (never expected): the upsert writes it whole.
    }

    public async Task SaveActionsAsync(IReadOnlyList<StoredAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            options.CheckFieldSize("ActionExecution", "input", action.InputJson);
            options.CheckFieldSize("ActionExecution", "output", action.OutputJson);
            await statements.ExecuteAsync(transaction, ActionUpsert, DurableRows.Parameters(action), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what the engine changed in an action it created before (see <see cref="ActionUpdate"/>).</summary>
    private async Task UpdateActionAsync(StoredAction action, CancellationToken cancellationToken)
    {
        options.CheckFieldSize("ActionExecution", "output", action.OutputJson);
        if (await statements.ExecuteAsync(transaction, ActionUpdate, DurableRows.UpdateParameters(action), cancellationToken).ConfigureAwait(false) == 0)
        {
            await SaveActionsAsync([action], cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> AppendOutboxAsync(IReadOnlyList<NewOutboxMessage> messages, CancellationToken cancellationToken)
    {
        var appended = new List<OutboxMessage>(messages.Count);
        var now = options.Clock.GetUtcNow();
        foreach (var message in messages)
        {
            var id = statements.Scalar<long>(transaction, OutboxInsert,
                [Text("@ExecutionId", message.ExecutionId), Text("@Kind", message.Kind), Text("@Payload", message.PayloadJson), Int("@CreatedAt", Micros.From(now))]);
            appended.Add(new OutboxMessage(id, message.ExecutionId, message.Kind, message.PayloadJson, now));
        }

        return System.Threading.Tasks.Task.FromResult<IReadOnlyList<OutboxMessage>>(appended);
    }

    public async Task ScheduleTimersAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken)
    {
        var now = Micros.From(options.Clock.GetUtcNow());
        foreach (var timer in timers)
        {
            await statements.ExecuteAsync(transaction, TimerUpsert,
                [Text("@Id", timer.Id), Text("@ExecutionId", timer.ExecutionId), Text("@Kind", timer.Kind), Text("@Payload", timer.PayloadJson), Int("@DueAt", Micros.From(timer.DueAt)), Int("@Now", now)],
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CancelTimersAsync(IReadOnlyList<string> timerIds, CancellationToken cancellationToken)
    {
        foreach (var id in timerIds)
        {
            await statements.ExecuteAsync(transaction, "DELETE FROM timers WHERE id = @Id", [Text("@Id", id)], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> ConsumeTimerAsync(string timerId, CancellationToken cancellationToken) =>
        await statements.ExecuteAsync(transaction, "DELETE FROM timers WHERE id = @Id", [Text("@Id", timerId)], cancellationToken).ConfigureAwait(false) == 1;

    public async Task MarkDispatchedAsync(IReadOnlyList<long> outboxIds, CancellationToken cancellationToken) =>
        await OutboxMarks.MarkDispatchedAsync(statements, transaction, outboxIds, Micros.From(options.Clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);

    public async Task MarkActionPendingAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        await Connection.ExecuteAsync(Command("UPDATE action_executions SET runner_state = 'PENDING' WHERE id = @Id", new { Id = actionExecutionId }, cancellationToken)).ConfigureAwait(false);

    public async Task<bool> DeleteExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        if (!await LockExecutionAsync(executionId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await SqlDurableStore.DeleteExecutionTreeAsync(Connection, transaction, executionId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task MarkActionsSentAsync(IReadOnlyList<string> actionExecutionIds, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken) =>
        await OutboxMarks.MarkSentAsync(statements, transaction, actionExecutionIds, heartbeatDeadline is { } d ? Micros.From(d) : null, cancellationToken).ConfigureAwait(false);

    public Task<bool> ClaimActionAsync(string actionExecutionId, string claimant, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken) =>
        ActionClaims.ClaimAsync(statements, transaction, actionExecutionId, claimant, heartbeatDeadline is { } d ? Micros.From(d) : null, cancellationToken);

    public async Task RecordHeartbeatsAsync(IReadOnlyCollection<string> actionExecutionIds, DateTimeOffset heartbeatDeadline, CancellationToken cancellationToken)
    {
        var deadline = Micros.From(heartbeatDeadline);
        foreach (var id in actionExecutionIds)
        {
            await Connection.ExecuteAsync(Command(
                "UPDATE action_executions SET heartbeat_deadline = @Deadline WHERE id = @Id AND state = 'RUNNING' AND runner_state IN ('SENT', 'CLAIMED')",
                new { Id = id, Deadline = deadline },
                cancellationToken)).ConfigureAwait(false);
        }
    }

    public Task<int> ExecuteSqlAsync(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken)
    {
        var bag = new DynamicParameters();
        foreach (var (name, value) in parameters)
        {
            bag.Add(name, value);
        }

        return Connection.ExecuteAsync(Command(sql, bag, cancellationToken));
    }

    public async Task AppendEventsAsync(string executionId, IReadOnlyList<(string Kind, string? PayloadJson)> events, CancellationToken cancellationToken)
    {
        // One statement for the lines of an event (usually two or three), ids in order as before.
        var now = Micros.From(options.Clock.GetUtcNow());
        foreach (var chunk in events.Chunk(EventInsertTexts.Length))
        {
            var parameters = new SqlParameter[2 + (chunk.Length * 2)];
            parameters[0] = Text("@ExecutionId", executionId);
            parameters[1] = Int("@Now", now);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters[2 + (i * 2)] = Text(EventParameterNames[i].Kind, chunk[i].Kind);
                parameters[3 + (i * 2)] = Text(EventParameterNames[i].Payload, chunk[i].PayloadJson);
            }

            await statements.ExecuteAsync(transaction, EventInsertTexts[chunk.Length - 1], parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Upsert(string table, string columns, string? skipColumn, string? extraSet)
    {
        var names = columns.Split(", ").Where(c => c != skipColumn).ToList();
        var values = names.Select(n => "@" + string.Concat(n.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
        var updates = names.Where(n => n is not "id" and not "created_at").Select(n => $"{n} = excluded.{n}").ToList();
        if (extraSet is not null)
        {
            updates.Add(extraSet);
        }

        return $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)}) ON CONFLICT (id) DO UPDATE SET {string.Join(", ", updates)}";
    }

    private DbConnection Connection => statements.Connection;

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
