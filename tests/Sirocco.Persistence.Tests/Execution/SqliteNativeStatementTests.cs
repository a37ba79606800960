using Microsoft.Data.Sqlite;
using Sirocco.Persistence.Sql;
using Sirocco.Persistence.Sqlite;

namespace Sirocco.Persistence.Tests.Execution;

/// <summary>The writer's statements bound by position store and answer exactly what the provider's commands do.</summary>
public sealed class SqliteNativeStatementTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO t (name, body, count, flag, ratio) VALUES (@Name, @Body, @Count, @Flag, @Ratio) RETURNING id";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, body TEXT, count INTEGER, flag INTEGER, ratio REAL)";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    public static TheoryData<string?> Texts => new() { null, "", "plain", "ünïcødé ✓ 日本", "\ud83d\ude00 and a lone \ud800 surrogate", new string('x', 100_000) };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task A_row_written_natively_equals_one_written_by_the_provider(string? body)
    {
        using var native = Statements(native: true);
        using var provider = Statements(native: false);
        await using var transaction = await _connection.BeginTransactionAsync();

        var nativeId = native.Scalar<long>(transaction, Insert, Row("native", body, 42, true, 0.5));
        var providerId = provider.Scalar<long>(transaction, Insert, Row("provider", body, 42, true, 0.5));

        Assert.Equal(providerId - 1, nativeId);
        Assert.Equal(Read(transaction, providerId), Read(transaction, nativeId));
        Assert.Equal(body is null ? "null" : "text", provider.Scalar<string>(transaction, "SELECT typeof(body) FROM t WHERE id = @Id", [SqlParameter.Int("@Id", nativeId)]));
    }

    [Fact]
    public async Task An_update_answers_the_rows_it_changed_and_a_repeated_parameter_binds_once()
    {
        using var statements = Statements(native: true);
        await using var transaction = await _connection.BeginTransactionAsync();
        for (var i = 0; i < 3; i++)
        {
            await statements.ExecuteAsync(transaction, Insert, Row($"n{i}", "b", i, false, 0), default);
        }

        var changed = await statements.ExecuteAsync(transaction, "UPDATE t SET count = @Count + 1, flag = @Count WHERE count >= @Count", [SqlParameter.Int("@Count", 1L)], default);

        Assert.Equal(2, changed);
        Assert.Equal(4, statements.Scalar<long>(transaction, "SELECT SUM(count) FROM t", []));
    }

    [Fact]
    public async Task A_failing_statement_throws_the_providers_error_and_stays_usable()
    {
        using var statements = Statements(native: true);
        await using var transaction = await _connection.BeginTransactionAsync();
        statements.Scalar<long>(transaction, Insert, Row("same", "b", 1, false, 0));

        var error = Assert.Throws<SqliteException>(() => statements.Scalar<long>(transaction, Insert, Row("same", "b", 2, false, 0)));

        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, statements.Scalar<long>(transaction, Insert, Row("other", null, 3, false, 0)));
        Assert.Equal(2, statements.Scalar<long>(transaction, "SELECT COUNT(*) FROM t", []));
    }

    [Theory]
    [InlineData("INSERT INTO t (name) VALUES (@Name); INSERT INTO t (name) VALUES (@Name || 'x')")]
    [InlineData("INSERT INTO t (name, body) VALUES (@Name, @Body)")]
    [InlineData("INSERT INTO nowhere (name) VALUES (@Name)")]
    public void A_text_of_several_statements_or_an_unbound_parameter_or_an_error_is_left_to_the_provider(string sql)
    {
        Assert.Null(SqliteNativeStatement.TryPrepare(_connection, sql, [SqlParameter.Text("@Name", "a")]));
    }

    private SqlStatements Statements(bool native) =>
        new(_connection, keepCommands: true, native ? (connection, sql, parameters) => SqliteNativeStatement.TryPrepare((SqliteConnection)connection, sql, parameters) : null);

    private static SqlParameter[] Row(string name, string? body, long count, bool flag, double ratio) =>
        [SqlParameter.Text("@Name", name), SqlParameter.Text("@Body", body), SqlParameter.Int("@Count", count), SqlParameter.Bool("@Flag", flag), new("@Ratio", ratio, System.Data.DbType.Double)];

    private (object Body, object Count, object Flag, object Ratio, string Bytes) Read(System.Data.Common.DbTransaction transaction, long id)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "SELECT body, count, flag, ratio, CAST(body AS BLOB) FROM t WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetValue(0), reader.GetValue(1), reader.GetValue(2), reader.GetValue(3), reader.IsDBNull(4) ? "" : Convert.ToHexString((byte[])reader.GetValue(4)));
    }
}
