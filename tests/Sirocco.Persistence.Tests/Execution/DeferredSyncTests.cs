using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Sql;
using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Persistence.Tests.Execution;

/// <summary>
/// SQLite's writer commits without waiting for the disk and syncs its log in the background: a caller is
/// released only after the sync that covers its commit, and a sync that fails fails its callers.
/// </summary>
public sealed class DeferredSyncTests : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task The_writer_connection_of_a_wal_file_commits_with_normal_sync_and_gets_a_log_sync()
    {
        await using (await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path }, default))
        {
            // Creates the file in WAL mode.
        }

        var dialect = new SqliteDialect($"Data Source={_file.Path}", 1000);
        await using var connection = await dialect.OpenAsync(default);
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous"));

        using var sync = await dialect.DeferSyncAsync(connection, default);

        Assert.IsType<WalSync>(sync);
        Assert.Equal(1L, await PragmaAsync(connection, "synchronous"));
        sync.Flush();
    }

    [Fact]
    public async Task The_writer_handle_back_in_the_pool_syncs_fully_again_and_reused_handles_keep_their_settings()
    {
        await using (await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path }, default))
        {
            // Creates the file in WAL mode.
        }

        var dialect = new SqliteDialect($"Data Source={_file.Path};Pooling=True", 1000);
        object handle;
        await using (var writer = await dialect.OpenAsync(default))
        {
            handle = ((SqliteConnection)writer).Handle!;
            using var sync = await dialect.DeferSyncAsync(writer, default);
            Assert.Equal(1L, await PragmaAsync(writer, "synchronous"));
        }

        await using (var reopened = await dialect.OpenAsync(default))
        {
            Assert.Same(handle, ((SqliteConnection)reopened).Handle);
            Assert.Equal(2L, await PragmaAsync(reopened, "synchronous"));
            Assert.Equal(1L, await PragmaAsync(reopened, "foreign_keys"));
        }

        // Opened again without the writer in between: the pragmas are not run again, their effect stays.
        await using var again = await dialect.OpenAsync(default);
        Assert.Same(handle, ((SqliteConnection)again).Handle);
        Assert.Equal(2L, await PragmaAsync(again, "synchronous"));
        Assert.Equal(1000L, await PragmaAsync(again, "busy_timeout"));
    }

    [Fact]
    public async Task The_writer_folds_its_log_into_the_file_after_thousands_of_pages_not_every_thousand()
    {
        await using (await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path }, default))
        {
            // Creates the file in WAL mode.
        }

        var dialect = new SqliteDialect($"Data Source={_file.Path};Pooling=False", 1000);
        await using var writer = await dialect.OpenAsync(default);
        using var sync = await dialect.DeferSyncAsync(writer, default);
        await using var command = writer.CreateCommand();
        command.CommandText = "CREATE TABLE scratch (x BLOB)";
        await command.ExecuteNonQueryAsync();

        // 1,500 commits of one new page each: SQLite's default would have checkpointed and restarted the log at
        // 1,000 pages, so it would never have grown past about 1,000 pages.
        command.CommandText = "INSERT INTO scratch (x) VALUES (zeroblob(3000))";
        for (var i = 0; i < 1_500; i++)
        {
            await command.ExecuteNonQueryAsync();
        }

        Assert.True(new FileInfo(_file.Path + "-wal").Length > 1_400L * 4096, "the log was checkpointed at SQLite's default");
    }

    [Fact]
    public async Task A_file_not_in_wal_mode_keeps_full_sync()
    {
        var dialect = new SqliteDialect($"Data Source={_file.Path}", 1000);
        await using var connection = await dialect.OpenAsync(default);
        await using (var journal = connection.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE t (x INTEGER);";
            await journal.ExecuteNonQueryAsync();
        }

        Assert.Null(await dialect.DeferSyncAsync(connection, default));
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous"));
    }

    [Fact]
    public async Task A_caller_is_released_only_after_the_sync_and_the_after_commit_callback_runs_before_it()
    {
        var sync = new GatedSync();
        await using var writer = await WriterAsync(sync);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var unit = writer.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.ExecuteSqlAsync("INSERT INTO t (x) VALUES (1)", [], ct);
                tx.AfterCommit(committed.SetResult);
                return 7;
            },
            default);

        await committed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await sync.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(unit.IsCompleted);
        Assert.Equal(1L, await CountAsync());
        sync.Open();
        Assert.Equal(7, await unit.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_sync_that_fails_fails_its_callers()
    {
        var sync = new GatedSync { Failure = new IOException("disk gone") };
        sync.Open();
        await using var writer = await WriterAsync(sync);

        var error = await Assert.ThrowsAsync<PersistenceException>(() => writer.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.ExecuteSqlAsync("INSERT INTO t (x) VALUES (1)", [], ct);
                return 0;
            },
            default));

        Assert.Contains("could not be flushed to disk: disk gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_writer_runs_a_lone_callers_unit_on_the_callers_thread_before_returning()
    {
        var sync = new GatedSync();
        sync.Open();
        await using var writer = await WriterAsync(sync);
        await writer.ExecuteAsync(InsertAsync, default);

        // Give the loop time to come back to its wait, idle.
        await Task.Delay(50);
        var caller = Environment.CurrentManagedThreadId;
        int? ranOn = null;
        var unit = writer.ExecuteAsync(
            async (tx, ct) =>
            {
                ranOn = Environment.CurrentManagedThreadId;
                return await InsertAsync(tx, ct);
            },
            default);

        Assert.Equal(caller, ranOn);
        await unit.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2L, await CountAsync());
    }

    [Fact]
    public async Task A_unit_queued_while_the_writer_is_busy_does_not_run_on_the_callers_thread()
    {
        var sync = new GatedSync();
        sync.Open();
        await using var writer = await WriterAsync(sync);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = writer.ExecuteAsync(
            async (tx, ct) =>
            {
                await busy.Task;
                return await InsertAsync(tx, ct);
            },
            default);

        var ranDuringCall = false;
        var inCall = true;
        var second = writer.ExecuteAsync(
            async (tx, ct) =>
            {
                ranDuringCall = Volatile.Read(ref inCall);
                return await InsertAsync(tx, ct);
            },
            default);
        Volatile.Write(ref inCall, false);

        busy.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(ranDuringCall);
        Assert.Equal(2L, await CountAsync());
    }

    private static async Task<int> InsertAsync(IDurableTransaction tx, CancellationToken ct)
    {
        await tx.ExecuteSqlAsync("INSERT INTO t (x) VALUES (1)", [], ct);
        return 0;
    }

    private async Task<GroupCommitWriter> WriterAsync(GatedSync sync)
    {
        var inner = new SqliteDialect($"Data Source={_file.Path}", 1000);
        await using (var connection = await inner.OpenAsync(default))
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER);";
            await create.ExecuteNonQueryAsync();
        }

        return new GroupCommitWriter(new GatedDialect(inner, sync), new StoreOptions(), writers: 1, maxGroupSize: 16);
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string name)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA " + name;
        return (long)(await pragma.ExecuteScalarAsync())!;
    }

    private sealed class GatedSync : IDeferredSync
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; init; }

        public void Open() => _open.TrySetResult();

        public void Flush()
        {
            Entered.TrySetResult();
            _open.Task.Wait(TimeSpan.FromSeconds(20));
            if (Failure is not null)
            {
                throw Failure;
            }
        }

        public void Dispose()
        {
        }
    }

    private sealed class GatedDialect(SqliteDialect inner, IDeferredSync sync) : SqlDialect
    {
        public override string Name => inner.Name;

        public override bool SingleWriter => true;

        public override string ForUpdateSkipLocked => inner.ForUpdateSkipLocked;

        public override string ForUpdate => inner.ForUpdate;

        public override string SizeQuery => inner.SizeQuery;

        public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) => inner.BeginWriteAsync(connection, cancellationToken);

        public override Task<IDeferredSync?> DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken) => Task.FromResult<IDeferredSync?>(sync);

        public override bool IsUniqueViolation(DbException exception) => inner.IsUniqueViolation(exception);
    }
}
