using System.Reflection;
using DbUp;
using Npgsql;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Postgres;

/// <summary>The production store: PostgreSQL, migrated at open under an advisory lock so that several servers may start at once.</summary>
public sealed class PostgresStore : ISiroccoStore
{
    // Arbitrary constant shared by every Sirocco process: "SIRO" in ASCII.
    private const long MigrationLockKey = 0x5349524F;

    private PostgresStore(PostgresDialect dialect, StoreOptions options)
    {
        Dialect = dialect;
        Definitions = new SqlDefinitionStore(dialect, options);
        Environments = new SqlEnvironmentStore(dialect, options);
        CronTriggers = new SqlCronTriggerStore(dialect, options);
        Executions = new SqlExecutionReader(dialect, options);
        DurableStore = new SqlDurableStore(dialect, options);
    }

    /// <inheritdoc />
    public string Provider => "postgres";

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

    internal PostgresDialect Dialect { get; }

    /// <summary>Connects and applies pending migrations.</summary>
    public static async Task<PostgresStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataSource = NpgsqlDataSource.Create(WithAutoPrepare(options.ConnectionString));
        try
        {
            await MigrateAsync(dataSource, options.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresStore(new PostgresDialect(dataSource), options.Store);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs repeatedly (the engine's upserts and reads run
    /// for every event), unless the connection string sets <c>Max Auto Prepare</c> itself.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DurableStore.DisposeAsync().ConfigureAwait(false);
        await Dialect.DataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task MigrateAsync(NpgsqlDataSource dataSource, string connectionString, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var result = DeployChanges.To.PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Migrations.", StringComparison.Ordinal))
                    .WithTransactionPerScript()
                    .LogToNowhere()
                    .Build()
                    .PerformUpgrade();
                if (!result.Successful)
                {
                    throw new PersistenceException($"PostgreSQL migration failed at {result.ErrorScript?.Name}: {result.Error?.Message}", result.Error!);
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
