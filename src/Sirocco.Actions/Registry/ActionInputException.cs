namespace Sirocco.Actions.Registry;

/// <summary>The input of an action call does not fit its signature (missing, unexpected or wrongly typed parameters).</summary>
public sealed class ActionInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActionInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ActionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
