using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Jinja's builtin tests (<c>x is defined</c>, <c>x is divisibleby 3</c>, <c>x is in [..]</c>, ...).</summary>
internal static class Tests
{
    private static readonly Dictionary<string, JinjaTest> Registry = new(StringComparer.Ordinal)
    {
        ["defined"] = (v, a, _) => NoArgs("defined", a, v is not Undefined),
        ["undefined"] = (v, a, _) => NoArgs("undefined", a, v is Undefined),
        ["none"] = (v, a, _) => NoArgs("none", a, v is NullValue),
        ["boolean"] = (v, a, _) => NoArgs("boolean", a, v is BoolValue),
        ["true"] = (v, a, _) => NoArgs("true", a, v is BoolValue { Value: true }),
        ["false"] = (v, a, _) => NoArgs("false", a, v is BoolValue { Value: false }),
        ["integer"] = (v, a, _) => NoArgs("integer", a, v is IntValue),
        ["float"] = (v, a, _) => NoArgs("float", a, v is FloatValue),
        ["number"] = (v, a, _) => NoArgs("number", a, Py.IsNumber(v)),
        ["string"] = (v, a, _) => NoArgs("string", a, v is StringValue),
        ["mapping"] = (v, a, _) => NoArgs("mapping", a, v is DictValue),
        ["sequence"] = (v, a, _) => NoArgs("sequence", a, v is StringValue or ListValue or DictValue || v is LazySequence { TypeName: "range" }),
        ["iterable"] = (v, a, _) => NoArgs("iterable", a, Py.Defined(v) is var d && Py.IsIterable(d)),
        ["callable"] = (v, a, _) => NoArgs("callable", a, v is Callable),
        ["escaped"] = (v, a, _) => NoArgs("escaped", a, false),
        ["odd"] = (v, a, f) => NoArgs("odd", a, Py.Equal(Py.Modulo(v, Py.Int(2), f), Py.Int(1))),
        ["even"] = (v, a, f) => NoArgs("even", a, Py.Equal(Py.Modulo(v, Py.Int(2), f), Py.Int(0))),
        ["lower"] = (v, a, _) => NoArgs("lower", a, Py.Str(v) is var s && s.Any(char.IsLetter) && s == PyString.Lower(s)),
        ["upper"] = (v, a, _) => NoArgs("upper", a, Py.Str(v) is var s && s.Any(char.IsLetter) && s == PyString.Upper(s)),
        ["divisibleby"] = DivisibleBy,
        ["sameas"] = (v, a, _) => SameAs(v, One("sameas", a, "other")),
        ["in"] = (v, a, _) => Py.Contains(One("in", a, "seq"), v),
        ["filter"] = (v, a, _) => NoArgs("filter", a, v is StringValue s && Filters.Lookup(s.Value) is not null),
        ["test"] = (v, a, _) => NoArgs("test", a, v is StringValue s && Lookup(s.Value) is not null),
        ["eq"] = Compare("=="),
        ["equalto"] = Compare("=="),
        ["=="] = Compare("=="),
        ["ne"] = Compare("!="),
        ["!="] = Compare("!="),
        ["lt"] = Compare("<"),
        ["lessthan"] = Compare("<"),
        ["<"] = Compare("<"),
        ["le"] = Compare("<="),
        ["<="] = Compare("<="),
        ["gt"] = Compare(">"),
        ["greaterthan"] = Compare(">"),
        [">"] = Compare(">"),
        ["ge"] = Compare(">="),
        [">="] = Compare(">="),
    };

    public static JinjaTest? Lookup(string name) => Registry.GetValueOrDefault(name);

    private static JinjaTest Compare(string op) => (v, a, _) => CompareExpr.Holds(op, v, One(op, a, "other"));

    private static bool DivisibleBy(Value value, Arguments args, Frame frame)
    {
        var divisor = One("divisibleby", args, "num");
        var remainder = Py.Modulo(value, divisor, frame);
        return !Py.Truthy(remainder);
    }

    /// <summary>Python's <c>is</c>: identity. Small integers, booleans and None are shared objects in CPython.</summary>
    private static bool SameAs(Value value, Value other) => (value, other) switch
    {
        (NullValue, NullValue) => true,
        (BoolValue a, BoolValue b) => a.Value == b.Value,
        (IntValue a, IntValue b) => a.Value == b.Value && a.Value >= -5 && a.Value <= 256,
        (StringValue a, StringValue b) => a.Value == b.Value && (ReferenceEquals(a, b) || a.Value.Length <= 1),
        _ => ReferenceEquals(value, other),
    };

    private static bool NoArgs(string name, Arguments args, bool result) =>
        args.Count == 0 ? result : throw JinjaException.Type($"test_{name}() takes 1 positional argument but {args.Count + 1} were given");

    private static Value One(string name, Arguments args, string parameter) =>
        args is { Positional.Count: 1, Named.Count: 0 } ? args.Positional[0] : args.Bind(name, 1, parameter)[0]!;
}
