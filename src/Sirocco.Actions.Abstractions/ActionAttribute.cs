namespace Sirocco.Actions.Abstractions;

/// <summary>Declares a class implementing <see cref="IAction"/> as an action with the given name (e.g. <c>greeting.hello</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActionAttribute(string name) : Attribute
{
    /// <summary>The name workflows call the action by.</summary>
    public string Name { get; } = name;

    /// <summary>One line shown in action listings.</summary>
    public string? Description { get; init; }
}
