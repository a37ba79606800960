namespace Sirocco.Expressions.Mistral;

/// <summary>A failure of a Mistral expression function; <see cref="Category"/> is a corpus error category.</summary>
internal sealed class MistralFunctionException : Exception
{
    public MistralFunctionException(string category, string message)
        : base(message) => Category = category;

    public MistralFunctionException()
        : this("other", "Mistral function failed")
    {
    }

    public MistralFunctionException(string message)
        : this("other", message)
    {
    }

    public MistralFunctionException(string message, Exception innerException)
        : base(message, innerException) => Category = "other";

    public string Category { get; } = "other";
}
