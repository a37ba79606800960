using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>map</c>, <c>select</c>/<c>reject</c> and their <c>attr</c> forms, <c>default</c> and <c>attr</c>.</summary>
internal static partial class Filters
{
    private static void AddSelectionFilters(Dictionary<string, Filter> f)
    {
        f["map"] = Map;
        f["select"] = (v, a, frame) => Select(v, a, frame, byAttribute: false, keep: true);
        f["reject"] = (v, a, frame) => Select(v, a, frame, byAttribute: false, keep: false);
        f["selectattr"] = (v, a, frame) => Select(v, a, frame, byAttribute: true, keep: true);
        f["rejectattr"] = (v, a, frame) => Select(v, a, frame, byAttribute: true, keep: false);
        f["default"] = (v, a, _) =>
        {
            var b = a.Bind("default", "default_value", "boolean");
            var fallback = b[0] ?? Py.Str(string.Empty);
            return v is Undefined || (Flag(b[1]) && !Py.Truthy(v)) ? fallback : v;
        };
        f["d"] = f["default"];
        f["attr"] = (v, a, _) => Py.GetAttrOnly(v, Text(a.Bind("attr", 1, "name")[0]!));
    }

    private static Value Map(Value value, Arguments args, Frame frame)
    {
        var items = Py.Iterate(value);
        frame.Step(items.Count);
        if (args.Positional.Count == 0 && args.Named.Any(n => n.Key == "attribute"))
        {
            var attribute = args.Named.First(n => n.Key == "attribute").Value;
            var fallback = args.Named.FirstOrDefault(n => n.Key == "default").Value;
            if (args.Named.Any(n => n.Key is not ("attribute" or "default")))
            {
                throw JinjaException.Type($"Unexpected keyword argument {PythonText.Repr(new StringValue(args.Named.First(n => n.Key is not ("attribute" or "default")).Key))}");
            }

            var getter = AttrGetter(attribute, fallback: fallback);
            return LazySequence.Generator(items.Select(getter).ToList(), "sync_do_map");
        }

        if (args.Positional.Count == 0)
        {
            throw new JinjaException(ErrorCategories.Other, "map requires a filter argument");
        }

        var name = Text(args.Positional[0]);
        var rest = new Arguments([.. args.Positional.Skip(1)], args.Named);
        if (items.Count == 0)
        {
            return LazySequence.Generator([], "sync_do_map");
        }

        var filter = Lookup(name) ?? throw new JinjaException(ErrorCategories.UnknownFunction, $"No filter named '{name}'.");
        return LazySequence.Generator(items.Select(item => filter(item, rest, frame)).ToList(), "sync_do_map");
    }

    private static Value Select(Value value, Arguments args, Frame frame, bool byAttribute, bool keep)
    {
        var items = Py.Iterate(value);
        frame.Step(items.Count);
        var positional = args.Positional;
        Func<Value, Value> getter = v => v;
        if (byAttribute)
        {
            if (positional.Count == 0)
            {
                throw JinjaException.Type("select_or_reject() missing 1 required positional argument: 'attr'");
            }

            getter = AttrGetter(positional[0]);
            positional = [.. positional.Skip(1)];
        }

        Func<Value, bool> predicate;
        if (positional.Count == 0)
        {
            predicate = Py.Truthy;
        }
        else
        {
            var name = Text(positional[0]);
            var rest = new Arguments([.. positional.Skip(1)], args.Named);
            var test = Tests.Lookup(name);
            predicate = item => (test ?? throw new JinjaException(ErrorCategories.UnknownFunction, $"No test named '{name}'."))(item, rest, frame);
        }

        return LazySequence.Generator(items.Where(item => predicate(getter(item)) == keep).ToList(), "select_or_reject");
    }
}
