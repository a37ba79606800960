using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Sqlite;

/// <summary>
/// SQLite: every connection runs with <c>synchronous=FULL</c> (a commit is on disk before it returns) —
/// except the group-commit writer's, which commits with <c>NORMAL</c> and has its log synced by
/// <see cref="WalSync"/> before anything it wrote is acknowledged —
/// foreign keys on, a busy timeout and temporary tables and statement journals in memory (not in temp files
/// opened and unlinked per statement); the file is in WAL mode (set once, it persists), so readers
/// never block the single writer.
/// </summary>
internal sealed class SqliteDialect(string connectionString, int busyTimeoutMs) : SqlDialect
{
    private const int SqliteConstraint = 19;

    // The writer folds its log into the file after this many pages instead of SQLite's 1,000. Each of those
    // checkpoints ran on the writer, between two commits, and synced the file twice: at ~17 pages a chain task,
    // one every 60 tasks. Sixteen times fewer of them cost less in all (a page rewritten by many commits is
    // copied once) and a short workflow mostly runs between two. The log file grows to ~64 MiB and stays that size
    // (it is reused); after a checkpoint it is cut back to the limit below if a long read let it grow further.
    private const int WalCheckpointPages = 16_000;
    private const long WalSizeLimitBytes = 128L * 1024 * 1024;

    // SQLite handles (kept across pooled opens) whose pragmas have run.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    public override string Name => "sqlite";

    public override INativeStatement? PrepareNative(DbConnection connection, string sql, SqlParameter[] parameters) =>
        SqliteNativeStatement.TryPrepare((SqliteConnection)connection, sql, parameters);

    public override bool SingleWriter => true;

    public override string ForUpdateSkipLocked => "";

    public override string ForUpdate => "";

    public override string SizeQuery => "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()";

    public string ConnectionString => connectionString;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Pooled connections keep their SQLite handle and its settings: run the pragmas once per handle,
            // not on every open (an API request opens several). DeferSyncAsync forgets the writer's handle.
            if (!Configured.TryGetValue(connection.Handle!, out _))
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA temp_store=MEMORY;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                Configured.AddOrUpdate(connection.Handle!, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<IDeferredSync?> DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Only a file in WAL mode: with a rollback journal, NORMAL could lose more than the last commits.
        var sqlite = (SqliteConnection)connection;
        await using var mode = sqlite.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        var journal = await mode.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(sqlite.DataSource) || !File.Exists(sqlite.DataSource))
        {
            return null;
        }

        // Back in the pool this handle must get synchronous=FULL again before anyone else writes through it.
        Configured.Remove(sqlite.Handle!);
        mode.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={WalCheckpointPages}; PRAGMA journal_size_limit={WalSizeLimitBytes}";
        await mode.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new WalSync(sqlite.DataSource + "-wal");
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, so two writers never both
        // read under a shared lock and then deadlock upgrading it (SQLITE_BUSY mid-transaction).
        await Task.CompletedTask.ConfigureAwait(false);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e && e.Message.Contains("UNIQUE", StringComparison.Ordinal);
}
