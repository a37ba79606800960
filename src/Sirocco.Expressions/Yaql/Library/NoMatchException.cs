namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Thrown by a function body when the arguments do not fit it; never escapes the registry.</summary>
internal sealed class NoMatchException : Exception
{
    public static readonly NoMatchException Instance = new();

    public NoMatchException()
        : base("No match.")
    {
    }

    public NoMatchException(string message)
        : base(message)
    {
    }

    public NoMatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
