using System.Collections.Immutable;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Registry;

/// <summary>A registered action: its name, its input signature and how to make a bound instance.</summary>
public sealed class ActionDescriptor
{
    private readonly Func<IAction> _factory;

    internal ActionDescriptor(string name, Type type, string? description, ImmutableArray<ActionParameter> parameters, Func<IAction> factory)
    {
        Name = name;
        ImplementationType = type;
        Description = description;
        Parameters = parameters;
        _factory = factory;
    }

    /// <summary>The name workflows call the action by.</summary>
    public string Name { get; }

    /// <summary>The class that implements the action.</summary>
    public Type ImplementationType { get; }

    /// <summary>One line for listings, from <see cref="ActionAttribute.Description"/>.</summary>
    public string? Description { get; }

    /// <summary>The parameters in signature order.</summary>
    public ImmutableArray<ActionParameter> Parameters { get; }

    /// <summary>Mistral's input signature text, e.g. <c>output, delay=0</c>.</summary>
    public string Signature => string.Join(", ", Parameters);

    /// <summary>A fresh instance with <paramref name="input"/> bound; throws <see cref="ActionInputException"/> when it does not fit.</summary>
    public IAction Create(DictValue input)
    {
        var action = _factory();
        ActionInputBinder.Bind(this, action, input);
        return action;
    }
}
