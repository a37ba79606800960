using System.Data.Common;
using System.Globalization;

namespace Sirocco.Api.Hosting;

/// <summary>
/// A table the API keeps for itself in the server's database (API keys, the callback signing key): same SQL on SQLite
/// and PostgreSQL, plain ADO.NET, created on first use rather than by the store's migrations, so that
/// <c>sirocco key …</c> can work on a database without opening the whole store.
/// </summary>
internal sealed class OwnTable(Func<DbConnection> connect, string createSql)
{
    private readonly SemaphoreSlim _created = new(1, 1);

    /// <summary>True once the table is known to exist.</summary>
    public bool Ready { get; private set; }

    /// <summary>An open connection; the first one also creates the table.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connect();
        await connection.OpenAsync(cancellationToken);
        if (!Ready)
        {
            await _created.WaitAsync(cancellationToken);
            try
            {
                if (!Ready)
                {
                    await using var create = Command(connection, createSql);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    Ready = true;
                }
            }
            finally
            {
                _created.Release();
            }
        }

        return connection;
    }

    /// <summary>A command with text parameters (null becomes SQL NULL).</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, string? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = (object?)value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>ISO-8601 UTC text with a fixed format: it sorts like the instants it names.</summary>
    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The instant of a <see cref="Text"/> value.</summary>
    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
