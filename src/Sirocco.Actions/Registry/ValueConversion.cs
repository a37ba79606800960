using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Registry;

/// <summary>Converts JSON values to the CLR types action parameters may declare, and back for defaults.</summary>
internal static class ValueConversion
{
    public static bool IsSupported(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return typeof(Value).IsAssignableFrom(t) || t == typeof(string) || t == typeof(bool) || t == typeof(int)
            || t == typeof(long) || t == typeof(double) || t == typeof(IReadOnlyList<string>);
    }

    public static bool TryConvert(Value value, Type type, bool acceptsNull, out object? result, out string expected)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var target = underlying ?? type;
        expected = ExpectedName(target);
        result = null;
        if (value.IsNull && target != typeof(Value))
        {
            return acceptsNull;
        }

        switch (value)
        {
            case var v when target.IsInstanceOfType(v):
                // Value itself, or the declared kind of value (DictValue, ListValue, StringValue...).
                result = v;
                return true;
            case StringValue s when target == typeof(string):
                result = s.Value;
                return true;
            case BoolValue b when target == typeof(bool):
                result = b.Value;
                return true;
            case IntValue i when target == typeof(int) && i.Value >= int.MinValue && i.Value <= int.MaxValue:
                result = (int)i.Value;
                return true;
            case IntValue i when target == typeof(long) && i.Value >= long.MinValue && i.Value <= long.MaxValue:
                result = (long)i.Value;
                return true;
            case IntValue i when target == typeof(double):
                result = (double)i.Value;
                return true;
            case FloatValue f when target == typeof(double):
                result = f.Value;
                return true;
            case StringValue s when target == typeof(IReadOnlyList<string>):
                // Mistral joins a list of addresses; a single address given as text means a list of one.
                result = new[] { s.Value };
                return true;
            case ListValue l when target == typeof(IReadOnlyList<string>) && l.All(item => item is StringValue):
                result = l.Select(item => ((StringValue)item).Value).ToArray();
                return true;
            default:
                return false;
        }
    }

    /// <summary>A property's initial value as JSON, for the signature's defaults.</summary>
    public static Value ToValue(object? value) => value switch
    {
        null => Value.Null,
        Value v => v,
        string s => new StringValue(s),
        bool b => Value.From(b),
        int i => Value.From(i),
        long l => Value.From(l),
        double d => Value.From(d),
        IEnumerable<string> items => new ListValue(items.Select(item => (Value)new StringValue(item))),
        _ => new StringValue(value.ToString() ?? string.Empty),
    };

    private static string ExpectedName(Type target) =>
        target == typeof(string) ? "a string"
        : target == typeof(bool) ? "a boolean"
        : target == typeof(int) || target == typeof(long) || target == typeof(BigInteger) ? "an integer"
        : target == typeof(double) ? "a number"
        : target == typeof(DictValue) ? "a dictionary"
        : target == typeof(ListValue) ? "a list"
        : target == typeof(StringValue) ? "a string"
        : target == typeof(IReadOnlyList<string>) ? "a string or a list of strings"
        : "a value";
}
