using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja's <c>StrictUndefined</c> (Mistral's setting): creating it is fine, but printing, iterating,
/// comparing or computing with it raises an error carrying <see cref="Message"/>. Only the
/// <c>defined</c>/<c>undefined</c> tests and the <c>default</c> filter look at it safely.
/// </summary>
internal sealed class Undefined : JinjaObject
{
    public Undefined(string message, string category = ErrorCategories.Undefined, bool lenient = false)
    {
        Message = message;
        Category = category;
        Lenient = lenient;
    }

    /// <summary>
    /// Jinja always uses the lenient <c>Undefined</c> for the missing <c>else</c> of an inline <c>if</c>: it prints
    /// as an empty string, is false and iterates as empty, but still fails in arithmetic and attribute access.
    /// </summary>
    public bool Lenient { get; }

    public string Message { get; }

    public string Category { get; }

    public override string TypeName => "StrictUndefined";

    public static Undefined Named(string name) => new($"'{name}' is undefined");

    /// <summary>Jinja's message for a missing attribute or item of <paramref name="owner"/>.</summary>
    public static Undefined Missing(Value owner, Value name)
    {
        var ownerText = owner is NullValue ? "None" : Py.TypeName(owner) + " object";
        return name is StringValue s
            ? new($"'{ownerText}' has no attribute '{s.Value}'")
            : new($"{ownerText} has no element {name.ToRepr()}");
    }

    public JinjaException Fail() => new(Category, Message);

    public override string ToString() => "Undefined";
}
