using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// What a result becomes when it leaves YAQL, as Mistral's output conversion does it: iterators and
/// sets become lists, date-times become their stored text. A set or dictionary key that is a list or a
/// dict cannot exist in Python once tuples are lists, so it fails as the reference does (unhashable).
/// </summary>
internal static class YaqlOutput
{
    /// <summary>The JSON value the workflow stores.</summary>
    public static Value ToStored(Value value, EvalContext context) => Convert(value, context, forText: false);

    /// <summary>The value whose Python <c>str()</c> is the text rendering (keeps date-times as objects).</summary>
    public static Value ToRenderable(Value value, EvalContext context) => Convert(value, context, forText: true);

    private static Value Convert(Value value, EvalContext context, bool forText)
    {
        switch (value)
        {
            case NullValue or BoolValue or IntValue or FloatValue or StringValue:
                return value;
            case ListValue list:
                if (IsPlain(list))
                {
                    return list;
                }

                return new ListValue(list.Items.Select(v => Convert(v, context, forText)));
            case YaqlSet set:
                var converted = set.Items.Select(v => Hashable(Convert(v, context, forText))).ToList();
                return forText ? new RenderedSet(converted) : new ListValue(converted);
            case YaqlLazy or YaqlOrdered:
                var items = new List<Value>();
                foreach (var item in Sequences.Enumerate(value))
                {
                    context.CheckSize(items.Count + 1);
                    items.Add(Convert(item, context, forText));
                }

                return new ListValue(items);
            case DictValue dict:
                if (IsPlain(dict))
                {
                    return dict;
                }

                return DictValue.From(dict.Select(e => new KeyValuePair<Value, Value>(
                    Hashable(Convert(e.Key, context, forText)), Convert(e.Value, context, forText))));
            case YaqlDateTime dateTime:
                return forText ? dateTime : new StringValue(dateTime.StoredText);
            default:
                return forText ? value : new StringValue(value.ToString()!);
        }
    }

    private static Value Hashable(Value value) => value switch
    {
        ListValue => throw YaqlException.TypeError("unhashable type: 'list'"),
        DictValue => throw YaqlException.TypeError("unhashable type: 'dict'"),
        _ => value,
    };

    // Hand-written loops: this runs over every result, and most results are plain JSON already.
    private static bool IsPlain(Value value)
    {
        switch (value)
        {
            case StringValue or IntValue or NullValue or BoolValue or FloatValue:
                return true;
            case ListValue list:
                if (list.IsTuple)
                {
                    return false;
                }

                foreach (var item in list.Items)
                {
                    if (!IsPlain(item))
                    {
                        return false;
                    }
                }

                return true;
            case DictValue dict:
                foreach (var (key, item) in dict)
                {
                    if (key is not (StringValue or IntValue or NullValue or BoolValue or FloatValue) || !IsPlain(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
