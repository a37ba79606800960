using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja's builtin filters plus Mistral's functions registered as filters (where the piped value becomes
/// the function's context argument, so <c>_ | env</c> works and <c>_.d | json_dump</c> misses its data).
/// </summary>
internal static partial class Filters
{
    private static readonly Dictionary<string, Filter> Registry = Build();

    public static Filter? Lookup(string name) => Registry.GetValueOrDefault(name);

    private static Dictionary<string, Filter> Build()
    {
        var filters = new Dictionary<string, Filter>(StringComparer.Ordinal);
        AddStringFilters(filters);
        AddCollectionFilters(filters);
        AddSelectionFilters(filters);
        AddNumberFilters(filters);
        foreach (var name in MistralGlobals.Names)
        {
            filters[name] = (input, args, frame) => MistralGlobals.Call(name, input, args, frame);
        }

        return filters;
    }

    /// <summary>
    /// Jinja's <c>make_attrgetter</c>: <c>'a.b'</c> or <c>'a.0'</c> walks items (then attributes), digits becoming indices.
    /// </summary>
    internal static Func<Value, Value> AttrGetter(Value? attribute, bool ignoreCase = false, Value? fallback = null)
    {
        if (attribute is null or NullValue)
        {
            return ignoreCase ? IgnoreCase : v => v;
        }

        var parts = attribute is StringValue s
            ? s.Value.Split('.').Select(p => p.Length > 0 && p.All(char.IsAsciiDigit) ? (Value)new IntValue(System.Numerics.BigInteger.Parse(p, System.Globalization.CultureInfo.InvariantCulture)) : new StringValue(p)).ToArray()
            : [attribute];
        return item =>
        {
            foreach (var part in parts)
            {
                item = Py.GetItem(item, part);
                if (item is Undefined && fallback is not null)
                {
                    item = fallback;
                    break;
                }
            }

            return ignoreCase ? IgnoreCase(item) : item;
        };
    }

    /// <summary>Several comma-separated attributes (<c>sort(attribute='age,name')</c>) become a tuple key.</summary>
    internal static Func<Value, Value> MultiAttrGetter(Value? attribute, bool ignoreCase)
    {
        if (attribute is not StringValue { Value: var text } || !text.Contains(',', StringComparison.Ordinal))
        {
            return AttrGetter(attribute, ignoreCase);
        }

        var getters = text.Split(',').Select(p => AttrGetter(new StringValue(p), ignoreCase)).ToArray();
        return item => new ListValue(getters.Select(g => g(item)), isTuple: true);
    }

    internal static Value IgnoreCase(Value value) => value is StringValue s ? new StringValue(PyString.Lower(s.Value)) : value;

    internal static bool Flag(Value? value, bool fallback = false) => value is null ? fallback : Py.Truthy(value);

    internal static int Int(Value? value, int fallback) => value is null ? fallback : Py.Defined(value) switch
    {
        IntValue or BoolValue => (int)System.Numerics.BigInteger.Clamp(Py.AsBig(value), int.MinValue, int.MaxValue),
        _ => throw JinjaException.Type($"'{Py.TypeName(value)}' object cannot be interpreted as an integer"),
    };

    internal static string Text(Value value) => Py.Str(value);
}
