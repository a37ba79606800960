namespace Sirocco.Expressions.Yaql;

/// <summary>
/// A YAQL failure. <see cref="Category"/> uses the conformance corpus' implementation-neutral
/// error classes (<c>syntax</c>, <c>key_not_found</c>, <c>no_matching_function</c>, ...).
/// </summary>
internal sealed class YaqlException : Exception
{
    public YaqlException(string category, string message, int? position = null)
        : base(message)
    {
        Category = category;
        Position = position;
    }

    public YaqlException()
        : this("other", "YAQL error")
    {
    }

    public YaqlException(string message)
        : this("other", message)
    {
    }

    public YaqlException(string message, Exception innerException)
        : base(message, innerException)
    {
        Category = "other";
    }

    public string Category { get; } = "other";

    /// <summary>Offset in the expression: of the offending token, or of the innermost call/operator that failed.</summary>
    public int? Position { get; private set; }

    /// <summary>Records where evaluation failed, unless a more precise (inner) position is already known.</summary>
    public YaqlException At(int position)
    {
        Position ??= position;
        return this;
    }

    public static YaqlException Syntax(string message, int? position) => new("syntax", message, position);

    public static YaqlException UnknownFunction(string name) => new("unknown_function", $"Unknown function \"{name}\"");

    public static YaqlException UnknownMethod(string name, string receiver) =>
        new("unknown_function", $"Unknown method \"{name}\" for receiver {receiver}");

    public static YaqlException NoMatchingFunction(string name) =>
        new("no_matching_function", $"No function \"{name}\" matches supplied arguments");

    public static YaqlException NoMatchingMethod(string name, string receiver) =>
        new("no_matching_function", $"No method \"{name}\" for receiver {receiver} matches supplied arguments");

    public static YaqlException KeyNotFound(string key) => new("key_not_found", key);

    public static YaqlException IndexOutOfRange() => new("index_out_of_range", "tuple index out of range");

    public static YaqlException TypeError(string message) => new("type_error", message);

    public static YaqlException ValueError(string message) => new("value_error", message);
}
