using Microsoft.Data.Sqlite;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Tests.Execution;

public sealed class SqlStatementsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(512)]
    [InlineData(700)]
    public async Task An_id_list_of_any_length_touches_exactly_its_rows(int count)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, mark INTEGER NULL); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO t (id) SELECT i FROM n;";
            await create.ExecuteNonQueryAsync();
        }

        using var statements = new SqlStatements(connection, keepCommands: true);
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = Enumerable.Range(1, count).Select(i => (long)i).ToList();

        var affected = await statements.ExecuteForIdsAsync(transaction, "UPDATE t SET mark = @Mark WHERE id IN ({ids})", ids,
            static (name, id) => SqlParameter.Int(name, id), [SqlParameter.Int("@Mark", 7)], default);

        Assert.Equal(count, affected);
        Assert.Equal(count, statements.Scalar<long>(transaction, "SELECT COUNT(*) FROM t WHERE mark = 7", []));
    }
}
