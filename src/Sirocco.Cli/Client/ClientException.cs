namespace Sirocco.Cli.Client;

/// <summary>The server refused a request or could not be reached; the message is what the user sees.</summary>
internal sealed class ClientException : Exception
{
    public ClientException()
    {
    }

    public ClientException(string message)
        : base(message)
    {
    }

    public ClientException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
