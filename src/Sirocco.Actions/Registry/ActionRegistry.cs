using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Registry;

/// <summary>
/// The actions a runner can run, by name. Std actions, plugins and hosts register classes implementing
/// <see cref="IAction"/> and marked <see cref="ActionAttribute"/>; the signature comes from the class.
/// </summary>
public sealed class ActionRegistry
{
    private readonly ConcurrentDictionary<string, ActionDescriptor> _actions = new(StringComparer.Ordinal);

    /// <summary>Every registered action, by name.</summary>
    public IReadOnlyCollection<ActionDescriptor> Actions => [.. _actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>The action called <paramref name="name"/>, or null.</summary>
    public ActionDescriptor? Find(string name) => _actions.GetValueOrDefault(name);

    /// <summary>Registers <typeparamref name="TAction"/> under every name its <see cref="ActionAttribute"/>s give.</summary>
    public IReadOnlyList<ActionDescriptor> Register<TAction>()
        where TAction : IAction, new() => Register(typeof(TAction), static () => new TAction());

    /// <summary>
    /// Registers <paramref name="type"/>; <paramref name="factory"/> makes instances (default: the public
    /// parameterless constructor). A later registration of the same name replaces the earlier one.
    /// </summary>
    public IReadOnlyList<ActionDescriptor> Register(Type type, Func<IAction>? factory = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(IAction).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete {nameof(IAction)}.", nameof(type));
        }

        factory ??= () => (IAction)Activator.CreateInstance(type)!;
        var names = type.GetCustomAttributes<ActionAttribute>(inherit: false).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException($"{type.FullName} has no [{nameof(ActionAttribute)}].", nameof(type));
        }

        var parameters = DescribeParameters(type, factory());
        var registered = new List<ActionDescriptor>();
        foreach (var attribute in names)
        {
            var descriptor = new ActionDescriptor(attribute.Name, type, attribute.Description, parameters, factory);
            _actions[attribute.Name] = descriptor;
            registered.Add(descriptor);
        }

        return registered;
    }

    private static ImmutableArray<ActionParameter> DescribeParameters(Type type, IAction prototype)
    {
        var nullability = new NullabilityInfoContext();
        var parameters = new List<(int Order, int Position, ActionParameter Parameter)>();
        var position = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var input = property.GetCustomAttribute<ActionInputAttribute>();
            if (input is null)
            {
                continue;
            }

            if (!property.CanWrite || !ValueConversion.IsSupported(property.PropertyType))
            {
                throw new ArgumentException(
                    $"{type.FullName}.{property.Name}: an input must be a settable property of a supported type.", nameof(type));
            }

            var acceptsNull = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).WriteState != NullabilityState.NotNull);
            var defaultValue = input.Required ? null : ValueConversion.ToValue(property.GetValue(prototype));
            parameters.Add((input.Order, position++, new ActionParameter(input.Name, input.Required, defaultValue, property, acceptsNull)));
        }

        // Required parameters come first, as in a Python signature.
        return [.. parameters.OrderBy(p => p.Order).ThenBy(p => p.Parameter.Required ? 0 : 1).ThenBy(p => p.Position).Select(p => p.Parameter)];
    }
}
