namespace Sirocco.Persistence;

/// <summary>Root of the errors a store raises on purpose (as opposed to driver or I/O faults it lets through).</summary>
public class PersistenceException : Exception
{
    /// <summary>Creates the exception with a message meant for the API caller.</summary>
    public PersistenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the driver error that caused it.</summary>
    public PersistenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
