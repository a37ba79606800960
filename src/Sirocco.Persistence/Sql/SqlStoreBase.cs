using System.Data.Common;

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
}
