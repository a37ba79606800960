using System.Data.Common;
using Npgsql;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Postgres;

/// <summary>
/// PostgreSQL: connections come from one <see cref="NpgsqlDataSource"/> (pooled); commits use the
/// server's synchronous commit (the default, and required: an acknowledged change must survive a crash).
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    private const string UniqueViolation = "23505";

    public override string Name => "postgres";

    public override bool SingleWriter => false;

    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string ForUpdate => " FOR UPDATE";

    public override string SizeQuery =>
        "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()";

    public NpgsqlDataSource DataSource => dataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation };
}
