using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Evaluated call arguments: positional values then keyword values, as Python passes them.</summary>
internal sealed class Arguments
{
    public static readonly Arguments None = new([], []);

    public Arguments(IReadOnlyList<Value> positional, IReadOnlyList<KeyValuePair<string, Value>> named)
    {
        Positional = positional;
        Named = named;
    }

    public IReadOnlyList<Value> Positional { get; }

    public IReadOnlyList<KeyValuePair<string, Value>> Named { get; }

    public int Count => Positional.Count + Named.Count;

    /// <summary>The same arguments with <paramref name="first"/> in front (a filter's input, a bound receiver).</summary>
    public Arguments Prepend(Value first) => new([first, .. Positional], Named);

    /// <summary>Binds to a Python-style signature; raises Python's <c>TypeError</c> messages on mismatch.</summary>
    public Value?[] Bind(string function, params string[] parameters)
    {
        var slots = new Value?[parameters.Length];
        if (Positional.Count > parameters.Length)
        {
            throw JinjaException.Type(
                $"{function}() takes {parameters.Length} positional arguments but {Positional.Count} were given");
        }

        for (var i = 0; i < Positional.Count; i++)
        {
            slots[i] = Positional[i];
        }

        foreach (var (name, value) in Named)
        {
            var index = Array.IndexOf(parameters, name);
            if (index < 0)
            {
                throw JinjaException.Type($"{function}() got an unexpected keyword argument '{name}'");
            }

            if (slots[index] is not null)
            {
                throw JinjaException.Type($"{function}() got multiple values for argument '{name}'");
            }

            slots[index] = value;
        }

        return slots;
    }

    /// <summary>Like <see cref="Bind"/>, then checks that the first <paramref name="required"/> parameters are given.</summary>
    public Value?[] Bind(string function, int required, params string[] parameters)
    {
        var slots = Bind(function, parameters);
        for (var i = 0; i < required; i++)
        {
            if (slots[i] is null)
            {
                throw JinjaException.Type($"{function}() missing 1 required positional argument: '{parameters[i]}'");
            }
        }

        return slots;
    }
}
