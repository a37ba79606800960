using System.Data.Common;
using System.Threading.Channels;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// Group commit: units of work from concurrent callers queue up while the previous commit is being
/// flushed, then all of them run in the next transaction, each under its own savepoint, and share
/// one commit (one fsync). A caller's task completes only after that commit returned, so
/// "acknowledged" always means "on disk" while the flush cost is divided by the group size.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const string Savepoint = "unit";

    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = false });
    private readonly SqlDialect _dialect;
    private readonly StoreOptions _options;
    private readonly int _maxGroupSize;
    private readonly Task[] _loops;

    public GroupCommitWriter(SqlDialect dialect, StoreOptions options, int writers, int maxGroupSize)
    {
        _dialect = dialect;
        _options = options;
        _maxGroupSize = maxGroupSize;
        _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync)).ToArray();
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
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var group = new List<WorkItem>(_maxGroupSize);
        DbConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
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
                    connection = await CommitGroupAsync(group, connection).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs and commits one group. Returns the connection to reuse for the next group: SQLite's single
    /// writer keeps its connection (opening one runs the durability pragmas again, per commit); a
    /// PostgreSQL writer gives it back to the pool, and a failed one is never reused.
    /// </summary>
    private async Task<DbConnection?> CommitGroupAsync(List<WorkItem> group, DbConnection? connection)
    {
        var done = new List<WorkItem>(group.Count);
        try
        {
            connection ??= await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            var transaction = await _dialect.BeginWriteAsync(connection, CancellationToken.None).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var unit = new SqlDurableTransaction(connection, transaction, _dialect, _options);
                foreach (var item in group)
                {
                    await transaction.SaveAsync(Savepoint).ConfigureAwait(false);
                    try
                    {
                        await item.RunAsync(unit).ConfigureAwait(false);
                        await transaction.ReleaseAsync(Savepoint).ConfigureAwait(false);
                        done.Add(item);
                    }
                    catch (Exception e)
                    {
                        // Only this unit is undone; the others of the group still commit.
                        await transaction.RollbackAsync(Savepoint).ConfigureAwait(false);
                        await transaction.ReleaseAsync(Savepoint).ConfigureAwait(false);
                        item.Fail(e);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _units, done.Count);
            foreach (var item in done)
            {
                item.Complete();
            }
        }
        catch (Exception e)
        {
            foreach (var item in group)
            {
                item.Fail(e);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }

        if (_dialect.SingleWriter)
        {
            return connection;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
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
