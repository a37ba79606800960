using Dapper;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>Read side of executions over plain SQL.</summary>
internal sealed class SqlExecutionReader(SqlDialect dialect, StoreOptions options) : SqlStoreBase(dialect, options), IExecutionReader
{
    private static readonly Dictionary<string, ColumnSpec> ExecutionFields = new()
    {
        ["id"] = new("id", ColumnType.Text),
        ["workflow_name"] = new("workflow_name", ColumnType.Text),
        ["workflow_id"] = new("workflow_id", ColumnType.Text),
        ["workflow_namespace"] = new("workflow_namespace", ColumnType.Text),
        ["state"] = new("state", ColumnType.Text),
        ["description"] = new("description", ColumnType.Text),
        ["task_execution_id"] = new("task_execution_id", ColumnType.Text),
        ["root_execution_id"] = new("root_execution_id", ColumnType.Text),
        ["project_id"] = new("project_id", ColumnType.Text),
        ["tags"] = new("tags", ColumnType.Tags),
        ["created_at"] = new("created_at", ColumnType.Time),
        ["updated_at"] = new("updated_at", ColumnType.Time),
    };

    private static readonly Dictionary<string, ColumnSpec> TaskFields = new()
    {
        ["id"] = new("t.id", ColumnType.Text),
        ["name"] = new("t.name", ColumnType.Text),
        ["type"] = new("t.type", ColumnType.Text),
        ["workflow_execution_id"] = new("t.workflow_execution_id", ColumnType.Text),
        ["workflow_name"] = new("w.workflow_name", ColumnType.Text),
        ["workflow_id"] = new("w.workflow_id", ColumnType.Text),
        ["state"] = new("t.state", ColumnType.Text),
        ["processed"] = new("t.processed", ColumnType.Bool),
        ["project_id"] = new("t.project_id", ColumnType.Text),
        ["created_at"] = new("t.created_at", ColumnType.Time),
        ["updated_at"] = new("t.updated_at", ColumnType.Time),
    };

    private static readonly Dictionary<string, ColumnSpec> ActionFields = new()
    {
        ["id"] = new("a.id", ColumnType.Text),
        ["name"] = new("a.name", ColumnType.Text),
        ["task_execution_id"] = new("a.task_execution_id", ColumnType.Text),
        ["task_name"] = new("t.name", ColumnType.Text),
        ["workflow_name"] = new("w.workflow_name", ColumnType.Text),
        ["state"] = new("a.state", ColumnType.Text),
        ["accepted"] = new("a.accepted", ColumnType.Bool),
        ["project_id"] = new("a.project_id", ColumnType.Text),
        ["created_at"] = new("a.created_at", ColumnType.Time),
        ["updated_at"] = new("a.updated_at", ColumnType.Time),
    };

    public Task<WorkflowExecutionRecord?> GetWorkflowExecutionAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<WorkflowExecutionRow>(
                new CommandDefinition($"SELECT {WorkflowExecutionRow.Columns}, output FROM workflow_executions WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToRecord(),
            cancellationToken);

    public Task<int> CountRunningExecutionsAsync(int atMost, CancellationToken cancellationToken) =>
        ReadAsync(
            connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM (SELECT 1 FROM workflow_executions WHERE state = 'RUNNING' AND task_execution_id IS NULL LIMIT @AtMost) r",
                new { AtMost = atMost }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<WorkflowExecutionRecord>> ListWorkflowExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<WorkflowExecutionRecord>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                var sql = $"SELECT {WorkflowExecutionRow.Columns}{(includeOutput ? ", output" : "")} FROM workflow_executions" + ListSql.Tail("workflow_executions", ExecutionFields, query, parameters);
                var rows = await connection.QueryAsync<WorkflowExecutionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToRecord()).ToList();
            },
            cancellationToken);

    public Task<TaskExecutionRecord?> GetTaskExecutionAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<TaskExecutionRow>(
                    new CommandDefinition(TaskExecutionRow.Select + " WHERE t.id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (row is null)
                {
                    return null;
                }

                var outputs = await connection.QueryAsync<(long, string?)>(
                    new CommandDefinition("SELECT item_index, output FROM action_executions WHERE task_execution_id = @Id AND accepted = @Accepted ORDER BY item_index, created_at", new { Id = id, Accepted = true }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return row.ToRecord(TaskResult.Assemble(row.RuntimeContext, outputs.ToList()));
            },
            cancellationToken);

    public Task<IReadOnlyList<TaskExecutionRecord>> ListTaskExecutionsAsync(ListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<TaskExecutionRecord>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                var sql = TaskExecutionRow.Select + ListSql.Tail("task_executions t", TaskFields, query, parameters);
                var rows = await connection.QueryAsync<TaskExecutionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToRecord()).ToList();
            },
            cancellationToken);

    public Task<ExecutionVariablesRecord?> GetExecutionVariablesAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<(string? EngineState, string? Definition, string? WorkflowName)>(
                    new CommandDefinition("SELECT engine_state, definition, workflow_name FROM workflow_executions WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (row.WorkflowName is null)
                {
                    return null;
                }

                var context = "{}";
                if (row.EngineState is { } engineState)
                {
                    using var document = System.Text.Json.JsonDocument.Parse(engineState);
                    if (document.RootElement.TryGetProperty("context", out var stored) && stored.ValueKind == System.Text.Json.JsonValueKind.Object)
                    {
                        context = stored.GetRawText();
                    }
                }

                return new ExecutionVariablesRecord(context, row.Definition, row.WorkflowName);
            },
            cancellationToken);

    public Task<ActionExecutionRecord?> GetActionExecutionAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<ActionExecutionRow>(
                new CommandDefinition(ActionExecutionRow.Select(includeOutput: true) + " WHERE a.id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToRecord(),
            cancellationToken);

    public Task<IReadOnlyList<ActionExecutionRecord>> ListActionExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ActionExecutionRecord>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                var sql = ActionExecutionRow.Select(includeOutput) + ListSql.Tail("action_executions a", ActionFields, query, parameters);
                var rows = await connection.QueryAsync<ActionExecutionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToRecord()).ToList();
            },
            cancellationToken);
}
