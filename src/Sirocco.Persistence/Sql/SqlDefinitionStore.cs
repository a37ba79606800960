using System.Data.Common;
using Dapper;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>Definitions over plain SQL; one table per <see cref="DefinitionKind"/> with the same columns.</summary>
internal sealed class SqlDefinitionStore(SqlDialect dialect, StoreOptions options) : SqlStoreBase(dialect, options), IDefinitionStore
{
    private const string Columns = "id, name, namespace, project_id, scope, definition, tags, input, interface, description, workbook_name, is_system, created_at, updated_at";

    private static readonly Dictionary<string, ColumnSpec> Fields = new()
    {
        ["id"] = new("id", ColumnType.Text),
        ["name"] = new("name", ColumnType.Text),
        ["namespace"] = new("namespace", ColumnType.Text),
        ["scope"] = new("scope", ColumnType.Text),
        ["project_id"] = new("project_id", ColumnType.Text),
        ["tags"] = new("tags", ColumnType.Tags),
        ["workbook_name"] = new("workbook_name", ColumnType.Text),
        ["is_system"] = new("is_system", ColumnType.Bool),
        ["created_at"] = new("created_at", ColumnType.Time),
        ["updated_at"] = new("updated_at", ColumnType.Time),
    };

    public Task CreateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var definition in definitions)
                {
                    try
                    {
                        await connection.ExecuteAsync(
                            new CommandDefinition(
                                $"INSERT INTO {Table(definition.Kind)} ({Columns}) VALUES (@Id, @Name, @Namespace, @ProjectId, @Scope, @Definition, @Tags, @Input, @Interface, @Description, @WorkbookName, @IsSystem, @CreatedAt, @UpdatedAt)",
                                DefinitionRow.Parameters(definition),
                                transaction,
                                cancellationToken: cancellationToken)).ConfigureAwait(false);
                    }
                    catch (DbException e) when (Dialect.IsUniqueViolation(e))
                    {
                        throw new DuplicateEntryException(Entity(definition.Kind), ["name", "namespace", "project_id"], [definition.Name, definition.Namespace, definition.ProjectId], e);
                    }
                }

                return 0;
            },
            cancellationToken);

    public Task<IReadOnlyList<DefinitionRecord>> UpdateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<DefinitionRecord>>(
            async (connection, transaction) =>
            {
                var stored = new List<DefinitionRecord>();
                foreach (var definition in definitions)
                {
                    var row = await connection.QuerySingleOrDefaultAsync<DefinitionRow>(
                        new CommandDefinition(
                            $"UPDATE {Table(definition.Kind)} SET scope = @Scope, definition = @Definition, tags = @Tags, input = @Input, interface = @Interface, description = @Description, workbook_name = @WorkbookName, updated_at = @UpdatedAt WHERE name = @Name AND namespace = @Namespace AND project_id = @ProjectId RETURNING {Columns}",
                            DefinitionRow.Parameters(definition with { UpdatedAt = definition.UpdatedAt ?? Options.Clock.GetUtcNow() }),
                            transaction,
                            cancellationToken: cancellationToken)).ConfigureAwait(false);
                    stored.Add(row?.ToRecord(definition.Kind) ?? throw new EntityNotFoundException(Entity(definition.Kind), "name", definition.Name));
                }

                return stored;
            },
            cancellationToken);

    public Task<DefinitionRecord?> GetAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                // An id wins over a name, as Mistral's lookup tries the id first.
                var rows = await connection.QueryAsync<DefinitionRow>(
                    new CommandDefinition(
                        $"SELECT {Columns} FROM {Table(kind)} WHERE id = @IdOrName OR (name = @IdOrName AND namespace = @Namespace) ORDER BY CASE WHEN id = @IdOrName THEN 0 ELSE 1 END LIMIT 1",
                        new { IdOrName = idOrName, Namespace = @namespace },
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.FirstOrDefault()?.ToRecord(kind);
            },
            cancellationToken);

    public Task<bool> DeleteAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(
                new CommandDefinition(
                    $"DELETE FROM {Table(kind)} WHERE id = @IdOrName OR (name = @IdOrName AND namespace = @Namespace)",
                    new { IdOrName = idOrName, Namespace = @namespace },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false) > 0,
            cancellationToken);

    public Task<IReadOnlyList<DefinitionRecord>> ListAsync(DefinitionKind kind, ListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DefinitionRecord>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                var table = Table(kind);
                var sql = $"SELECT {Columns} FROM {table}" + ListSql.Tail(table, Fields, query, parameters);
                var rows = await connection.QueryAsync<DefinitionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(r => r.ToRecord(kind)).ToList();
            },
            cancellationToken);

    private static string Table(DefinitionKind kind) => kind switch
    {
        DefinitionKind.Workbook => "workbooks",
        DefinitionKind.Workflow => "workflow_definitions",
        DefinitionKind.Action => "action_definitions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Entity(DefinitionKind kind) => kind switch
    {
        DefinitionKind.Workbook => "Workbook",
        DefinitionKind.Workflow => "WorkflowDefinition",
        _ => "ActionDefinition",
    };
}
