namespace Sirocco.Persistence.Querying;

/// <summary>A list request names an unknown field, a bad operator or a marker that does not exist.</summary>
public sealed class InvalidQueryException : PersistenceException
{
    /// <summary>Creates the exception with a message meant for the API caller (a 400).</summary>
    public InvalidQueryException(string message)
        : base(message)
    {
    }
}
