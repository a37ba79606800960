using System.Data.Common;
using Dapper;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Sql;

/// <summary>One unit's view of a group-commit transaction.</summary>
internal sealed partial class SqlDurableTransaction(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StoreOptions options) : IDurableTransaction, IExecutionRowSource
{
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
    private static readonly string TaskUpsert = Upsert("task_executions", DurableRows.TaskColumns, null, null)
        .Replace("project_id = excluded.project_id", "project_id = task_executions.project_id", StringComparison.Ordinal)
        .Replace("@ProjectId", "COALESCE((SELECT p.project_id FROM workflow_executions p WHERE p.id = @WorkflowExecutionId), @ProjectId)", StringComparison.Ordinal);
    private static readonly string ActionUpsert = Upsert("action_executions", DurableRows.ActionColumns, null, null)
        .Replace("runner = excluded.runner", "runner = COALESCE(excluded.runner, action_executions.runner)", StringComparison.Ordinal)
        .Replace("project_id = excluded.project_id", "project_id = action_executions.project_id", StringComparison.Ordinal)
        .Replace("@ProjectId", "COALESCE((SELECT p.project_id FROM workflow_executions p WHERE p.id = @WorkflowExecutionId), @ProjectId)", StringComparison.Ordinal);

    public async Task<bool> LockExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var found = await connection.ExecuteScalarAsync<string?>(
            Command($"SELECT id FROM workflow_executions WHERE id = @Id{dialect.ForUpdate}", new { Id = executionId }, cancellationToken)).ConfigureAwait(false);
        return found is not null;
    }

    public async Task<ExecutionSnapshot?> LoadExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await connection.QuerySingleOrDefaultAsync<DurableRows.ExecutionRow>(
            Command($"SELECT {DurableRows.ExecutionStateColumns} FROM workflow_executions WHERE id = @Id", new { Id = executionId }, cancellationToken)).ConfigureAwait(false);
        if (execution is null)
        {
            return null;
        }

        var tasks = await connection.QueryAsync<DurableRows.TaskRow>(
            Command($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id ORDER BY created_at, id", new { Id = executionId }, cancellationToken)).ConfigureAwait(false);
        return new ExecutionSnapshot(execution.ToStored(), tasks.Select(t => t.ToStored()).ToList());
    }

    public Task<string?> GetDefinitionTextAsync(string executionId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(Command("SELECT definition FROM workflow_executions WHERE id = @Id", new { Id = executionId }, cancellationToken));

    public async Task<StoredTask?> GetTaskAsync(string taskExecutionId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<DurableRows.TaskRow>(
            Command($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE id = @Id", new { Id = taskExecutionId }, cancellationToken)).ConfigureAwait(false))?.ToStored();

    public async Task<StoredAction?> GetActionAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<DurableRows.ActionRow>(
            Command($"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE id = @Id", new { Id = actionExecutionId }, cancellationToken)).ConfigureAwait(false))?.ToStored();

    public async Task SaveExecutionAsync(StoredExecution execution, CancellationToken cancellationToken)
    {
        options.CheckFieldSize("WorkflowExecution", "input", execution.InputJson);
        options.CheckFieldSize("WorkflowExecution", "output", execution.OutputJson);
        options.CheckFieldSize("WorkflowExecution", "params", execution.ParamsJson);
        await connection.ExecuteAsync(Command(ExecutionUpsert, DurableRows.Parameters(execution), cancellationToken)).ConfigureAwait(false);
    }

    public async Task SaveTasksAsync(IReadOnlyList<StoredTask> tasks, CancellationToken cancellationToken)
    {
        foreach (var task in tasks)
        {
            options.CheckFieldSize("TaskExecution", "published", task.PublishedJson);
            await connection.ExecuteAsync(Command(TaskUpsert, DurableRows.Parameters(task), cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task SaveActionsAsync(IReadOnlyList<StoredAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            options.CheckFieldSize("ActionExecution", "input", action.InputJson);
            options.CheckFieldSize("ActionExecution", "output", action.OutputJson);
            await connection.ExecuteAsync(Command(ActionUpsert, DurableRows.Parameters(action), cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> AppendOutboxAsync(IReadOnlyList<NewOutboxMessage> messages, CancellationToken cancellationToken)
    {
        var appended = new List<OutboxMessage>(messages.Count);
        var now = options.Clock.GetUtcNow();
        foreach (var message in messages)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                Command(
                    "INSERT INTO outbox (execution_id, kind, payload, created_at) VALUES (@ExecutionId, @Kind, @Payload, @CreatedAt) RETURNING id",
                    new { message.ExecutionId, message.Kind, Payload = message.PayloadJson, CreatedAt = Micros.From(now) },
                    cancellationToken)).ConfigureAwait(false);
            appended.Add(new OutboxMessage(id, message.ExecutionId, message.Kind, message.PayloadJson, now));
        }

        return appended;
    }

    public async Task ScheduleTimersAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken)
    {
        var now = Micros.From(options.Clock.GetUtcNow());
        foreach (var timer in timers)
        {
            await connection.ExecuteAsync(
                Command(
                    "INSERT INTO timers (id, execution_id, kind, payload, due_at, created_at) VALUES (@Id, @ExecutionId, @Kind, @Payload, @DueAt, @Now) " +
                    "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at, locked_until = NULL, locked_by = NULL",
                    new { timer.Id, timer.ExecutionId, timer.Kind, Payload = timer.PayloadJson, DueAt = Micros.From(timer.DueAt), Now = now },
                    cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task CancelTimersAsync(IReadOnlyList<string> timerIds, CancellationToken cancellationToken)
    {
        foreach (var id in timerIds)
        {
            await connection.ExecuteAsync(Command("DELETE FROM timers WHERE id = @Id", new { Id = id }, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<bool> ConsumeTimerAsync(string timerId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Command("DELETE FROM timers WHERE id = @Id", new { Id = timerId }, cancellationToken)).ConfigureAwait(false) == 1;

    public async Task MarkDispatchedAsync(IReadOnlyList<long> outboxIds, CancellationToken cancellationToken) =>
        await OutboxMarks.MarkDispatchedAsync(connection, transaction, outboxIds, Micros.From(options.Clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);

    public async Task MarkActionPendingAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Command("UPDATE action_executions SET runner_state = 'PENDING' WHERE id = @Id", new { Id = actionExecutionId }, cancellationToken)).ConfigureAwait(false);

    public async Task<bool> DeleteExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        if (!await LockExecutionAsync(executionId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await SqlDurableStore.DeleteExecutionTreeAsync(connection, transaction, executionId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task MarkActionsSentAsync(IReadOnlyList<string> actionExecutionIds, DateTimeOffset? heartbeatDeadline, CancellationToken cancellationToken)
    {
        var deadline = heartbeatDeadline is { } d ? Micros.From(d) : (long?)null;
        foreach (var id in actionExecutionIds)
        {
            await connection.ExecuteAsync(Command(
                "UPDATE action_executions SET runner_state = 'SENT', heartbeat_deadline = @Deadline WHERE id = @Id AND state = 'RUNNING' AND runner_state IS NULL",
                new { Id = id, Deadline = deadline },
                cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task RecordHeartbeatsAsync(IReadOnlyCollection<string> actionExecutionIds, DateTimeOffset heartbeatDeadline, CancellationToken cancellationToken)
    {
        var deadline = Micros.From(heartbeatDeadline);
        foreach (var id in actionExecutionIds)
        {
            await connection.ExecuteAsync(Command(
                "UPDATE action_executions SET heartbeat_deadline = @Deadline WHERE id = @Id AND state = 'RUNNING' AND runner_state = 'SENT'",
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

        return connection.ExecuteAsync(Command(sql, bag, cancellationToken));
    }

    public async Task AppendEventsAsync(string executionId, IReadOnlyList<(string Kind, string? PayloadJson)> events, CancellationToken cancellationToken)
    {
        var now = Micros.From(options.Clock.GetUtcNow());
        foreach (var (kind, payload) in events)
        {
            await connection.ExecuteAsync(
                Command(
                    "INSERT INTO execution_events (execution_id, kind, payload, created_at) VALUES (@ExecutionId, @Kind, @Payload, @Now)",
                    new { ExecutionId = executionId, Kind = kind, Payload = payload, Now = now },
                    cancellationToken)).ConfigureAwait(false);
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

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
