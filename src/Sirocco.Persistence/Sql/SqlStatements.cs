using System.Data;
using System.Data.Common;
using Dapper;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// The hot statements of the group-commit writer, each prepared once per connection and then only
/// re-bound. SQLite compiles a statement's text into a program every time a new command runs it, and
/// the engine's upserts name twenty columns: compiling them was a large share of the CPU per event.
/// Commands are kept only on a connection the writer keeps (SQLite's single writer); on PostgreSQL,
/// whose writers return connections to the pool, each call makes a fresh command (Npgsql prepares
/// repeated texts itself when the connection string asks for <c>Max Auto Prepare</c>). On a kept connection a
/// dialect may run statements that return at most a value through its own API (<paramref name="prepareNative"/>),
/// bound by position; it answers null for a text it leaves to the provider.
/// </summary>
internal sealed class SqlStatements(DbConnection connection, bool keepCommands, Func<DbConnection, string, SqlParameter[], INativeStatement?>? prepareNative = null) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    // Null for a text the dialect left to the provider.
    private readonly Dictionary<string, INativeStatement?> _natives = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    /// <summary>Syncs this connection's commits when it commits without waiting for the disk; owned by the writer's sync loop.</summary>
    public IDeferredSync? DeferredSync { get; set; }

    /// <summary>Runs a statement; the parameters must come in the same order every time for one text.</summary>
    public async Task<int> ExecuteAsync(DbTransaction transaction, string sql, SqlParameter[] parameters, CancellationToken cancellationToken)
    {
        if (Native(sql, parameters) is { } native)
        {
            return native.Execute(parameters);
        }

        var command = Bind(transaction, sql, parameters);
        try
        {
            return keepCommands
                ? command.ExecuteNonQuery()
                : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(command);
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> once per chunk of <paramref name="ids"/>, bound as <c>@i0</c>, <c>@i1</c>, … in place
    /// of <c>{ids}</c>, after the fixed parameters. A chunk is padded to a power of two by repeating its last id (a
    /// repeat in an IN list changes nothing), so a handful of prepared texts serve every length. Returns the rows
    /// affected.
    /// </summary>
    public async Task<int> ExecuteForIdsAsync<T>(DbTransaction transaction, string sql, IReadOnlyList<T> ids, Func<string, T, SqlParameter> parameter, SqlParameter[] fixedParameters, CancellationToken cancellationToken)
    {
        const int MaxChunk = 512;
        var affected = 0;
        foreach (var chunk in ids.Chunk(MaxChunk))
        {
            var length = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)chunk.Length);
            var parameters = new SqlParameter[fixedParameters.Length + length];
            fixedParameters.CopyTo(parameters, 0);
            var names = new string[length];
            for (var i = 0; i < length; i++)
            {
                names[i] = "@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameters[fixedParameters.Length + i] = parameter(names[i], chunk[Math.Min(i, chunk.Length - 1)]);
            }

            affected += await ExecuteAsync(transaction, sql.Replace("{ids}", string.Join(", ", names), StringComparison.Ordinal), parameters, cancellationToken).ConfigureAwait(false);
        }

        return affected;
    }

    /// <summary>The first column of the first row, or default.</summary>
    public T? Scalar<T>(DbTransaction transaction, string sql, SqlParameter[] parameters)
    {
        if (Native(sql, parameters) is { } native)
        {
            return Convert<T>(native.Scalar(parameters));
        }

        var command = Bind(transaction, sql, parameters);
        try
        {
            return Convert<T>(command.ExecuteScalar());
        }
        finally
        {
            Release(command);
        }
    }

    /// <summary>Every row, mapped by column name (Dapper's row parser, cached per type and column set).</summary>
    public List<T> Query<T>(DbTransaction transaction, string sql, SqlParameter[] parameters)
    {
        var command = Bind(transaction, sql, parameters);
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            if (!reader.HasRows)
            {
                return rows;
            }

            var parse = reader.GetRowParser<T>();
            while (reader.Read())
            {
                rows.Add(parse(reader));
            }

            return rows;
        }
        finally
        {
            Release(command);
        }
    }

    public void Dispose()
    {
        foreach (var native in _natives.Values)
        {
            native?.Dispose();
        }

        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _natives.Clear();
        _commands.Clear();
    }

    // A value of the asked type (a version, a count: a boxed long for long and long?) is returned as it is;
    // Nullable.GetUnderlyingType asks the runtime for the type's generic arguments on every call.
    private static T? Convert<T>(object? value) => value switch
    {
        null or DBNull => default,
        T typed => typed,
        _ => (T)System.Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
    };

    private INativeStatement? Native(string sql, SqlParameter[] parameters)
    {
        if (!keepCommands || prepareNative is null)
        {
            return null;
        }

        if (!_natives.TryGetValue(sql, out var native))
        {
            native = prepareNative(connection, sql, parameters);
            _natives[sql] = native;
        }

        return native;
    }

    private DbCommand Bind(DbTransaction transaction, string sql, SqlParameter[] parameters)
    {
        if (keepCommands && _commands.TryGetValue(sql, out var kept))
        {
            kept.Transaction = transaction;
            for (var i = 0; i < parameters.Length; i++)
            {
                kept.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }

            return kept;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var parameter in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = parameter.Name;
            p.DbType = parameter.Type;
            p.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        if (keepCommands)
        {
            _commands[sql] = command;
        }

        return command;
    }

    private void Release(DbCommand command)
    {
        if (!keepCommands)
        {
            command.Dispose();
        }
    }
}

/// <summary>One named, typed parameter of a <see cref="SqlStatements"/> call (the type matters to PostgreSQL when the value is null).</summary>
internal readonly record struct SqlParameter(string Name, object? Value, DbType Type)
{
    public static SqlParameter Text(string name, string? value) => new(name, value, DbType.String);

    public static SqlParameter Int(string name, long? value) => new(name, value, DbType.Int64);

    public static SqlParameter Int(string name, int value) => new(name, value, DbType.Int32);

    public static SqlParameter Bool(string name, bool value) => new(name, value, DbType.Boolean);
}
