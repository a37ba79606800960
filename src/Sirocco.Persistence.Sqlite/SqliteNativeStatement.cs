using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Sqlite;

/// <summary>
/// One of the writer's statements run through SQLite's own API: prepared once, bound by position. Microsoft.Data.Sqlite
/// looks each parameter up by name on every execution (the name converted to UTF-8 and searched for in the statement),
/// a third of a sixteen-column insert's cost. Values are bound as the provider binds them (text as UTF-8, booleans as
/// 0 and 1), and a failure throws the <see cref="SqliteException"/> the provider would have thrown.
/// </summary>
internal sealed class SqliteNativeStatement : INativeStatement
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // The statement's parameter index for each parameter of a call, 0 for one the text does not use.
    private readonly int[] _indexes;
    private readonly bool _readOnly;

    // Reused for each text's UTF-8 bytes: SQLite copies a bound value (SQLITE_TRANSIENT).
    private byte[] _utf8 = new byte[1024];

    private SqliteNativeStatement(sqlite3 db, sqlite3_stmt statement, int[] indexes)
    {
        _db = db;
        _statement = statement;
        _indexes = indexes;
        _readOnly = raw.sqlite3_stmt_readonly(statement) != 0;
    }

    /// <summary>
    /// The statement of <paramref name="sql"/>, or null when the provider should run it: a text of several
    /// statements, one that does not compile (the provider reports the error), or one naming a parameter the call
    /// does not give.
    /// </summary>
    public static SqliteNativeStatement? TryPrepare(SqliteConnection connection, string sql, SqlParameter[] parameters)
    {
        if (connection.Handle is not { } db
            || raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out var tail) != raw.SQLITE_OK)
        {
            return null;
        }

        if (statement is null || statement.IsInvalid)
        {
            // A text of no statement (only a comment).
            statement?.Dispose();
            return null;
        }

        var indexes = new int[parameters.Length];
        var bound = new bool[raw.sqlite3_bind_parameter_count(statement) + 1];
        for (var i = 0; i < parameters.Length; i++)
        {
            indexes[i] = raw.sqlite3_bind_parameter_index(statement, parameters[i].Name);
            bound[indexes[i]] = true;
        }

        if (!string.IsNullOrWhiteSpace(tail) || bound.Skip(1).Contains(false))
        {
            statement.Dispose();
            return null;
        }

        return new SqliteNativeStatement(db, statement, indexes);
    }

    public int Execute(SqlParameter[] parameters)
    {
        Bind(parameters);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc, raw.SQLITE_DONE);
            return _readOnly ? -1 : raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    public object? Scalar(SqlParameter[] parameters)
    {
        Bind(parameters);
        try
        {
            var rc = raw.sqlite3_step(_statement);
            object? value = null;
            if (rc == raw.SQLITE_ROW)
            {
                value = Column0();

                // A RETURNING statement, like any other, is run to its end before it is reset.
                while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
                {
                }
            }

            Check(rc, raw.SQLITE_DONE);
            return value;
        }
        finally
        {
            Reset();
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(SqlParameter[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var index = _indexes[i];
            if (index == 0)
            {
                continue;
            }

            Check(parameters[i].Value switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string text => BindText(index, text),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                var other => throw new NotSupportedException($"No SQLite binding for a parameter of type {other.GetType().Name} ({parameters[i].Name})"),
            }, raw.SQLITE_OK);
        }
    }

    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < length)
        {
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written));
    }

    private object? Column0() => raw.sqlite3_column_type(_statement, 0) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, 0),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, 0).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, 0).ToArray(),
        _ => null,
    };

    private void Check(int rc, int expected)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Reset()
    {
        // After a failed step reset repeats its error, which was reported already.
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }
}
