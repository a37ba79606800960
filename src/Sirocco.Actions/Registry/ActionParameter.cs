using System.Reflection;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Registry;

/// <summary>One input parameter of an action: its name, whether it is required, and its default.</summary>
public sealed class ActionParameter
{
    internal ActionParameter(string name, bool required, Value? defaultValue, PropertyInfo property, bool acceptsNull)
    {
        Name = name;
        Required = required;
        Default = defaultValue;
        Property = property;
        AcceptsNull = acceptsNull;
    }

    /// <summary>The name in the input.</summary>
    public string Name { get; }

    /// <summary>True when the input must name this parameter.</summary>
    public bool Required { get; }

    /// <summary>The default of an optional parameter (JSON null when the property starts as null).</summary>
    public Value? Default { get; }

    /// <summary>The CLR type the input value binds to.</summary>
    public Type Type => Property.PropertyType;

    internal PropertyInfo Property { get; }

    internal bool AcceptsNull { get; }

    /// <summary>The parameter as Mistral writes it in an input signature: <c>url</c> or <c>method="GET"</c>.</summary>
    public override string ToString() => Required ? Name : $"{Name}={Default?.ToJson() ?? "null"}";
}
