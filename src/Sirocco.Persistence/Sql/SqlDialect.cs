using System.Data.Common;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// What differs between the SQL databases we support. Everything else — the tables, the queries,
/// Dapper mapping — is shared, so one contract suite covers the logic once and each provider only
/// proves its connection setup, locking and migrations.
/// </summary>
internal abstract class SqlDialect
{
    static SqlDialect() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>Short name for logs and errors: <c>sqlite</c>, <c>postgres</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when the database admits one writer at a time (SQLite). The claim of due timers then
    /// needs no row locks, and the group-commit writer is the only thing that writes on the hot path.
    /// </summary>
    public abstract bool SingleWriter { get; }

    /// <summary>Suffix of a SELECT that locks the rows it returns and skips rows other transactions hold.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Suffix of a SELECT that locks the rows it returns, waiting for other holders.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>A scalar query giving the bytes our tables occupy.</summary>
    public abstract string SizeQuery { get; }

    /// <summary>
    /// A statement of the writer's kept connection run through the database's own API, or null to leave it to the
    /// provider (the default: only SQLite's provider binds by name on every execution).
    /// </summary>
    public virtual INativeStatement? PrepareNative(DbConnection connection, string sql, SqlParameter[] parameters) => null;

    /// <summary>Opens a connection configured for durability (pragmas, timeouts).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction that takes the write lock up front (SQLite <c>BEGIN IMMEDIATE</c>).</summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Lets a writer connection commit without waiting for the disk and returns what makes its commits
    /// durable afterwards (the group-commit writer calls it off its own thread, before acknowledging); null
    /// when the database cannot do that safely, and then every commit is durable when it returns.
    /// </summary>
    public virtual Task<IDeferredSync?> DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IDeferredSync?>(null);

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
