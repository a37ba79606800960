namespace Sirocco.Persistence.Sql;

/// <summary>
/// One of the writer's statements prepared once through the database's own API and bound by position, for a
/// dialect whose provider binds by name on every execution. The parameters come in the order of the call that
/// prepared it, as <see cref="SqlStatements"/> requires of every call for one text.
/// </summary>
internal interface INativeStatement : IDisposable
{
    /// <summary>Runs the statement to its end; returns the rows it changed.</summary>
    int Execute(SqlParameter[] parameters);

    /// <summary>Runs the statement to its end; returns the first column of its first row (null for no row or NULL).</summary>
    object? Scalar(SqlParameter[] parameters);
}
