using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja's <c>namespace()</c>: the one mutable object templates have, so a loop can carry a value out
/// (<c>{% set ns.total = ns.total + x %}</c>). It lives for one evaluation and cannot be stored as a result.
/// </summary>
internal sealed class Namespace : JinjaObject
{
    private readonly Dictionary<string, Value> _attributes = new(StringComparer.Ordinal);

    public override string TypeName => "Namespace";

    public static Value Create(Arguments args)
    {
        var ns = new Namespace();
        if (args.Positional.Count > 1)
        {
            throw JinjaException.Type($"Namespace expected at most 1 argument, got {args.Positional.Count}");
        }

        if (args.Positional.Count == 1)
        {
            if (Py.Defined(args.Positional[0]) is not DictValue initial)
            {
                throw JinjaException.Type("Namespace needs a mapping");
            }

            foreach (var (key, value) in initial)
            {
                ns._attributes[Py.Str(key)] = value;
            }
        }

        foreach (var (key, value) in args.Named)
        {
            ns._attributes[key] = value;
        }

        return ns;
    }

    public Value? Get(string name) => _attributes.GetValueOrDefault(name);

    public void Set(string name, Value value) => _attributes[name] = value;

    public override string ToString() =>
        "<Namespace " + string.Join(", ", _attributes.Select(a => $"{a.Key}={PythonText.Repr(a.Value)}")) + ">";
}
