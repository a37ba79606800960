namespace Sirocco.Actions.Abstractions;

/// <summary>
/// Marks a settable property as an input parameter. The property's initial value is the default;
/// <see cref="Required"/> parameters have none. Supported types: <c>Value</c> (any JSON),
/// <c>DictValue</c>, <c>ListValue</c>, <c>string</c>, <c>bool</c>, <c>int</c>, <c>long</c>, <c>double</c>,
/// their nullable forms, and <c>IReadOnlyList&lt;string&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class ActionInputAttribute(string name) : Attribute
{
    /// <summary>The parameter's name in the input (Mistral uses snake_case).</summary>
    public string Name { get; } = name;

    /// <summary>True when the input must name this parameter.</summary>
    public bool Required { get; init; }

    /// <summary>Position in the signature; parameters are listed by order, then by declaration.</summary>
    public int Order { get; init; }
}
