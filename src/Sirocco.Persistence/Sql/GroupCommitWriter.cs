using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// Group commit: units of work from concurrent callers queue up while the previous commit is being
/// flushed, then all of them run in the next transaction, each under its own savepoint, and share
/// one commit (one fsync). A caller's task completes only after that commit returned, so
/// "acknowledged" always means "on disk" while the flush cost is divided by the group size. Where the
/// dialect can defer the flush (SQLite in WAL mode), the writer does not wait for it: it hands the
/// committed group to a sync loop and starts on the next group while the disk syncs, and the callers of
/// the group are released only after the sync (<see cref="IDeferredSync"/>).
/// </summary>
internal sealed partial class GroupCommitWriter : IAsyncDisposable
{
    private const string SaveUnit = "SAVEPOINT unit";
    private const string ReleaseUnit = "RELEASE SAVEPOINT unit";
    private const string UndoUnit = "ROLLBACK TO SAVEPOINT unit";

    // With a single writer (SQLite), synchronous continuations: the idle writer loop resumes on the thread of the
    // caller that queues a unit (a runner reporting a result, a request) instead of on a thread-pool thread woken
    // for it — in a chain, that wake-up lies between one task and the next. The loop keeps such a lent thread for
    // one group at most, and only for a lone caller (see RunAsync). Not with several writers (PostgreSQL): there a
    // unit may wait for a row lock, and on a lent thread it could wait for a transaction further down that
    // thread's own stack.
    private readonly Channel<WorkItem> _queue;

    // The writer whose ExecuteAsync is queuing a unit on this thread: a loop that finds itself here runs on a lent thread.
    [ThreadStatic]
    private static GroupCommitWriter? t_lending;

    // Units committed and not yet flushed, and the size of the last group: together they tell a lone caller (a
    // chain: one unit at a time) from many (their units arrive together and should share a group and a flush).
    private int _unsynced;
    private int _lastGroupSize;

    // A lone caller's unit runs on its thread only while the last group held at most this many units and at most
    // LoneUnsynced units await their sync (in a chain: the previous task's unit and a batch of dispatch marks).
    private const int LoneGroupSize = 1;
    private const int LoneUnsynced = 2;

    private readonly SqlDialect _dialect;
    private readonly StoreOptions _options;
    private readonly int _maxGroupSize;
    private readonly Task[] _loops;
    private readonly ExecutionCache _executions = new();
    private readonly TaskCache _tasks = new();

    public GroupCommitWriter(SqlDialect dialect, StoreOptions options, int writers, int maxGroupSize)
    {
        _dialect = dialect;
        _options = options;
        _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = false, AllowSynchronousContinuations = dialect.SingleWriter });
        _maxGroupSize = maxGroupSize;
        _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync)).ToArray();
        _syncLoop = Task.Run(SyncLoopAsync);
    }

    private long _commits;
    private long _units;

    /// <summary>Number of commits so far; with <see cref="Units"/> it shows how well commits are shared.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Number of units committed so far.</summary>
    public long Units => Interlocked.Read(ref _units);

    public Task<T> ExecuteAsync<T>(Func<IDurableTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
        var lending = t_lending;
        t_lending = this;
        try
        {
            if (!_queue.Writer.TryWrite(item))
            {
                throw new ObjectDisposedException(nameof(GroupCommitWriter));
            }
        }
        finally
        {
            t_lending = lending;
        }

        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _syncs.Writer.TryComplete();
        await _syncLoop.ConfigureAwait(false);
    }

    private bool Lent => ReferenceEquals(t_lending, this);

    // Continues on the thread pool whatever the lending caller's synchronization context (Task.Yield would post
    // back to that context, and the writer loop would then run on it).
    private static ConfiguredTaskAwaitable ToThreadPool => Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

    private async Task RunAsync()
    {
        var group = new List<WorkItem>(_maxGroupSize);
        SqlStatements? statements = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                if (Lent && (_lastGroupSize > LoneGroupSize || Volatile.Read(ref _unsynced) > LoneUnsynced))
                {
                    // Many callers: the others' units are on their way; let them join this group on a pool thread.
                    await ToThreadPool;
                }

                group.Clear();
                while (group.Count < _maxGroupSize && _queue.Reader.TryRead(out var item))
                {
                    if (!item.CancelIfRequested())
                    {
                        group.Add(item);
                    }
                }

                if (group.Count > 0)
                {
                    _lastGroupSize = group.Count;
                    statements = await CommitGroupAsync(group, statements).ConfigureAwait(false);
                }

                if (Lent && _queue.Reader.Count > 0)
                {
                    // More queued meanwhile: go on from the thread pool and give the caller its thread back.
                    await ToThreadPool;
                }
            }
        }
        finally
        {
            if (statements is not null)
            {
                await CloseAsync(statements).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs and commits one group. Returns the connection (with its prepared statements) to reuse for the
    /// next group: SQLite's single writer keeps its connection (opening one runs the durability pragmas
    /// again, and its statements would be compiled again); a PostgreSQL writer gives it back to the pool,
    /// and a failed one is never reused.
    /// </summary>
    private async Task<SqlStatements?> CommitGroupAsync(List<WorkItem> group, SqlStatements? statements)
    {
        var done = new List<WorkItem>(group.Count);
        try
        {
            if (statements is null)
            {
                statements = new SqlStatements(await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false), keepCommands: _dialect.SingleWriter, _dialect.PrepareNative);
                statements.DeferredSync = _dialect.SingleWriter ? await _dialect.DeferSyncAsync(statements.Connection, CancellationToken.None).ConfigureAwait(false) : null;
            }

            var transaction = await _dialect.BeginWriteAsync(statements.Connection, CancellationToken.None).ConfigureAwait(false);
            SqlDurableTransaction unit;
            await using (transaction.ConfigureAwait(false))
            {
                unit = new SqlDurableTransaction(statements, transaction, _dialect, _options, _executions, _tasks);
                if (group.Count == 1)
                {
                    await RunAloneAsync(group[0], unit, transaction, done).ConfigureAwait(false);
                }
                else
                {
                    await RunEachUnderSavepointAsync(group, unit, statements, transaction, done).ConfigureAwait(false);
                }
            }

            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _units, done.Count);
            if (statements.DeferredSync is { } sync)
            {
                // Committed, not yet on disk: what may go ahead of the sync goes now.
                unit.RunAfterCommit();
                Interlocked.Add(ref _unsynced, done.Count);
                _syncs.Writer.TryWrite(new SyncBatch(sync, done));
            }
            else
            {
                // The commit is durable: callers first, exactly as without the callbacks.
                foreach (var item in done)
                {
                    item.Complete();
                }

                unit.RunAfterCommit();
            }
        }
        catch (Exception e)
        {
            _executions.Clear();
            _tasks.Clear();
            foreach (var item in group)
            {
                item.Fail(e);
            }

            if (statements is not null)
            {
                await CloseAsync(statements).ConfigureAwait(false);
            }

            return null;
        }

        if (_dialect.SingleWriter)
        {
            return statements;
        }

        await CloseAsync(statements).ConfigureAwait(false);
        return null;
    }

    /// <summary>A unit alone needs no savepoint: when it fails, the whole transaction is rolled back instead.</summary>
    private static async Task RunAloneAsync(WorkItem item, SqlDurableTransaction unit, DbTransaction transaction, List<WorkItem> done)
    {
        try
        {
            await item.RunAsync(unit).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            unit.DropAfterCommit(0);
            unit.TaskCopies.Clear();
            item.Fail(e);
            return;
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        done.Add(item);
    }

    /// <summary>Each unit under its own savepoint, so a failing one is undone alone and the others still commit.</summary>
    private static async Task RunEachUnderSavepointAsync(List<WorkItem> group, SqlDurableTransaction unit, SqlStatements statements, DbTransaction transaction, List<WorkItem> done)
    {
        foreach (var item in group)
        {
            // Savepoints as plain statements through the prepared-statement cache: the provider's
            // Save/Release would compile their statement again for every unit.
            await statements.ExecuteAsync(transaction, SaveUnit, [], CancellationToken.None).ConfigureAwait(false);
            var mark = unit.AfterCommitMark;
            try
            {
                await item.RunAsync(unit).ConfigureAwait(false);
                await statements.ExecuteAsync(transaction, ReleaseUnit, [], CancellationToken.None).ConfigureAwait(false);
                done.Add(item);
            }
            catch (Exception e)
            {
                await statements.ExecuteAsync(transaction, UndoUnit, [], CancellationToken.None).ConfigureAwait(false);
                await statements.ExecuteAsync(transaction, ReleaseUnit, [], CancellationToken.None).ConfigureAwait(false);
                unit.DropAfterCommit(mark);
                unit.TaskCopies.Clear();
                item.Fail(e);
            }
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task CloseAsync(SqlStatements statements)
    {
        if (statements.DeferredSync is { } sync)
        {
            // After the groups already handed to it: the sync loop disposes the handle once they are synced.
            _syncs.Writer.TryWrite(new SyncBatch(sync, [], Last: true));
        }

        statements.Dispose();
        await statements.Connection.DisposeAsync().ConfigureAwait(false);
    }

    private abstract class WorkItem
    {
        public abstract bool CancelIfRequested();

        public abstract Task RunAsync(IDurableTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(Func<IDurableTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public override bool CancelIfRequested() =>
            cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(IDurableTransaction transaction) =>
            _result = await work(transaction, cancellationToken).ConfigureAwait(false);

        public override void Complete() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
