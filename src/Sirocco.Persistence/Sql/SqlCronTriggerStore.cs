using System.Data.Common;
using Dapper;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>Cron triggers over plain SQL.</summary>
internal sealed class SqlCronTriggerStore(SqlDialect dialect, StoreOptions options) : SqlStoreBase(dialect, options), ICronTriggerStore
{
    private static readonly Dictionary<string, ColumnSpec> Fields = new()
    {
        ["id"] = new("id", ColumnType.Text),
        ["name"] = new("name", ColumnType.Text),
        ["pattern"] = new("pattern", ColumnType.Text),
        ["workflow_name"] = new("workflow_name", ColumnType.Text),
        ["workflow_id"] = new("workflow_id", ColumnType.Text),
        ["scope"] = new("scope", ColumnType.Text),
        ["project_id"] = new("project_id", ColumnType.Text),
        ["next_execution_time"] = new("next_execution_time", ColumnType.Time),
        ["first_execution_time"] = new("first_execution_time", ColumnType.Time),
        ["remaining_executions"] = new("remaining_executions", ColumnType.Int),
        ["created_at"] = new("created_at", ColumnType.Time),
        ["updated_at"] = new("updated_at", ColumnType.Time),
    };

    public Task CreateAsync(CronTriggerRecord trigger, CancellationToken cancellationToken)
    {
        Options.CheckFieldSize("CronTrigger", "workflow_input", trigger.WorkflowInputJson);
        Options.CheckFieldSize("CronTrigger", "workflow_params", trigger.WorkflowParamsJson);
        return WriteAsync(
            async (connection, transaction) =>
            {
                try
                {
                    return await connection.ExecuteAsync(
                        new CommandDefinition(
                            $"INSERT INTO cron_triggers ({CronTriggerRow.Columns}) VALUES (@Id, @Name, @Pattern, @FirstExecutionTime, @NextExecutionTime, @RemainingExecutions, @WorkflowName, @WorkflowId, @WorkflowInput, @WorkflowParams, @Scope, @ProjectId, @CreatedAt, @UpdatedAt)",
                            CronTriggerRow.Parameters(trigger),
                            transaction,
                            cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                catch (DbException e) when (Dialect.IsUniqueViolation(e))
                {
                    throw new DuplicateEntryException("CronTrigger", ["name", "project_id"], [trigger.Name, trigger.ProjectId], e);
                }
            },
            cancellationToken);
    }

    public Task<CronTriggerRecord?> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        GetByIdOrNameAsync<CronTriggerRow, CronTriggerRecord>("cron_triggers", CronTriggerRow.Columns, idOrName, r => r.ToRecord(), cancellationToken);

    public Task<bool> DeleteAsync(string idOrName, CancellationToken cancellationToken) =>
        DeleteByIdOrNameAsync("cron_triggers", idOrName, cancellationToken);

    public Task<IReadOnlyList<CronTriggerRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken) =>
        ListRowsAsync<CronTriggerRow, CronTriggerRecord>("cron_triggers", CronTriggerRow.Columns, Fields, query, r => r.ToRecord(), cancellationToken);

    public Task<IReadOnlyList<CronTriggerRecord>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<CronTriggerRecord>>(
            async connection =>
            {
                var rows = await connection.QueryAsync<CronTriggerRow>(
                    new CommandDefinition(
                        $"SELECT {CronTriggerRow.Columns} FROM cron_triggers WHERE next_execution_time <= @Now ORDER BY next_execution_time, id LIMIT @Limit",
                        new { Now = Micros.From(now), Limit = limit },
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToRecord()).ToList();
            },
            cancellationToken);
}
