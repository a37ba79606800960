using System.Reflection;
using DbUp;
using Microsoft.Data.Sqlite;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, migrated at open.</summary>
public sealed class SqliteStore : ISiroccoStore
{
    private SqliteStore(SqliteDialect dialect, StoreOptions options)
    {
        Dialect = dialect;
        Definitions = new SqlDefinitionStore(dialect, options);
        Environments = new SqlEnvironmentStore(dialect, options);
        CronTriggers = new SqlCronTriggerStore(dialect, options);
        Executions = new SqlExecutionReader(dialect, options);
        DurableStore = new SqlDurableStore(dialect, options);
    }

    /// <inheritdoc />
    public string Provider => "sqlite";

    /// <inheritdoc />
    public IDefinitionStore Definitions { get; }

    /// <inheritdoc />
    public IEnvironmentStore Environments { get; }

    /// <inheritdoc />
    public ICronTriggerStore CronTriggers { get; }

    /// <inheritdoc />
    public IExecutionReader Executions { get; }

    /// <inheritdoc />
    public IDurableStore Durable => DurableStore;

    internal SqlDurableStore DurableStore { get; }

    internal SqliteDialect Dialect { get; }

    /// <summary>Opens (creating if needed) the database file, switches it to WAL and applies pending migrations.</summary>
    public static async Task<SqliteStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var dialect = new SqliteDialect(connectionString, (int)options.BusyTimeout.TotalMilliseconds);

        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new PersistenceException($"SQLite migration failed at {result.ErrorScript?.Name}: {result.Error?.Message}", result.Error!);
        }

        return new SqliteStore(dialect, options.Store);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DurableStore.DisposeAsync().ConfigureAwait(false);

        // Pooled connections keep the WAL file open; clearing lets the last one checkpoint and close.
        SqliteConnection.ClearAllPools();
    }
}
