using System.Data.Common;
using Dapper;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>Connection and transaction plumbing shared by the SQL stores.</summary>
internal abstract class SqlStoreBase(SqlDialect dialect, StoreOptions options)
{
    protected SqlDialect Dialect { get; } = dialect;

    protected StoreOptions Options { get; } = options;

    protected async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }

    protected async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await write(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>The row of <paramref name="table"/> whose id or name is <paramref name="idOrName"/> (an id wins), or null.</summary>
    protected Task<TRecord?> GetByIdOrNameAsync<TRow, TRecord>(string table, string columns, string idOrName, Func<TRow, TRecord> toRecord, CancellationToken cancellationToken)
        where TRecord : class =>
        ReadAsync(
            async connection =>
            {
                var rows = await connection.QueryAsync<TRow>(
                    new CommandDefinition(
                        $"SELECT {columns} FROM {table} WHERE id = @IdOrName OR name = @IdOrName ORDER BY CASE WHEN id = @IdOrName THEN 0 ELSE 1 END LIMIT 1",
                        new { IdOrName = idOrName },
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(toRecord).FirstOrDefault();
            },
            cancellationToken);

    /// <summary>Deletes the rows of <paramref name="table"/> whose id or name is <paramref name="idOrName"/>; true when one went.</summary>
    protected Task<bool> DeleteByIdOrNameAsync(string table, string idOrName, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(
                new CommandDefinition($"DELETE FROM {table} WHERE id = @IdOrName OR name = @IdOrName", new { IdOrName = idOrName }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0,
            cancellationToken);

    /// <summary>One page of <paramref name="table"/> with the query's filters, sorting, marker and limit.</summary>
    protected Task<IReadOnlyList<TRecord>> ListRowsAsync<TRow, TRecord>(
        string table, string columns, IReadOnlyDictionary<string, ColumnSpec> fields, ListQuery query, Func<TRow, TRecord> toRecord, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<TRecord>>(
            async connection =>
            {
                var parameters = new DynamicParameters();
                var sql = $"SELECT {columns} FROM {table}" + ListSql.Tail(table, fields, query, parameters);
                var rows = await connection.QueryAsync<TRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.Select(toRecord).ToList();
            },
            cancellationToken);
}
