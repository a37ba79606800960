namespace Sirocco.Actions.Abstractions;

/// <summary>
/// Thrown by an action to fail with a message (Mistral's <c>ActionException</c>). Any exception has the
/// same effect; this one says the failure was foreseen. Prefer returning <see cref="ActionOutcome.Error(string)"/>.
/// </summary>
public class ActionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
