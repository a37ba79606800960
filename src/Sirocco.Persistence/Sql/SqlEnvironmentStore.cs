using System.Data.Common;
using Dapper;
using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>Environments over plain SQL.</summary>
internal sealed class SqlEnvironmentStore(SqlDialect dialect, StoreOptions options) : SqlStoreBase(dialect, options), IEnvironmentStore
{
    private static readonly Dictionary<string, ColumnSpec> Fields = new()
    {
        ["id"] = new("id", ColumnType.Text),
        ["name"] = new("name", ColumnType.Text),
        ["description"] = new("description", ColumnType.Text),
        ["scope"] = new("scope", ColumnType.Text),
        ["project_id"] = new("project_id", ColumnType.Text),
        ["created_at"] = new("created_at", ColumnType.Time),
        ["updated_at"] = new("updated_at", ColumnType.Time),
    };

    public Task CreateAsync(EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        Options.CheckFieldSize("Environment", "variables", environment.VariablesJson);
        return WriteAsync(
            async (connection, transaction) =>
            {
                try
                {
                    return await connection.ExecuteAsync(
                        new CommandDefinition(
                            $"INSERT INTO environments ({EnvironmentRow.Columns}) VALUES (@Id, @Name, @Description, @Variables, @Scope, @ProjectId, @CreatedAt, @UpdatedAt)",
                            EnvironmentRow.Parameters(environment),
                            transaction,
                            cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                catch (DbException e) when (Dialect.IsUniqueViolation(e))
                {
                    throw new DuplicateEntryException("Environment", ["name", "project_id"], [environment.Name, environment.ProjectId], e);
                }
            },
            cancellationToken);
    }

    public Task<EnvironmentRecord> UpdateAsync(EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        Options.CheckFieldSize("Environment", "variables", environment.VariablesJson);
        var stamped = environment with { UpdatedAt = environment.UpdatedAt ?? Options.Clock.GetUtcNow() };
        return WriteAsync(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<EnvironmentRow>(
                    new CommandDefinition(
                        $"UPDATE environments SET description = @Description, variables = @Variables, scope = @Scope, updated_at = @UpdatedAt WHERE name = @Name AND project_id = @ProjectId RETURNING {EnvironmentRow.Columns}",
                        EnvironmentRow.Parameters(stamped),
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                return row?.ToRecord() ?? throw new EntityNotFoundException("Environment", "name", environment.Name);
            },
            cancellationToken);
    }

    public Task<EnvironmentRecord?> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        GetByIdOrNameAsync<EnvironmentRow, EnvironmentRecord>("environments", EnvironmentRow.Columns, idOrName, r => r.ToRecord(), cancellationToken);

    public Task<bool> DeleteAsync(string idOrName, CancellationToken cancellationToken) =>
        DeleteByIdOrNameAsync("environments", idOrName, cancellationToken);

    public Task<IReadOnlyList<EnvironmentRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken) =>
        ListRowsAsync<EnvironmentRow, EnvironmentRecord>("environments", EnvironmentRow.Columns, Fields, query, r => r.ToRecord(), cancellationToken);
}
