using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Mistral;

/// <summary>Python's <c>json.dumps</c> (with indentation, ASCII escaping) and <c>json.loads</c>.</summary>
internal static class PythonJson
{
    public static Value Loads(string text) => text.Trim() switch
    {
        // Python's json module accepts these non-standard tokens.
        "NaN" => Value.From(double.NaN),
        "Infinity" => Value.From(double.PositiveInfinity),
        "-Infinity" => Value.From(double.NegativeInfinity),
        _ => JsonValues.Parse(text),
    };

    /// <summary>
    /// What <c>json.dumps(default=oslo to_primitive)</c> makes of data whose dicts are not native dicts:
    /// each dict met by the encoder is converted by <c>to_primitive</c>, which counts depth (lists do not
    /// count) and returns null for a dict at depth 3 or more below it.
    /// </summary>
    public static Value ToPrimitive(Value value) => value switch
    {
        DictValue => Primitive(value, 0),
        ListValue list => new ListValue(list.Select(ToPrimitive)),
        _ => value,
    };

    private static Value Primitive(Value value, int level) => value switch
    {
        DictValue dict => level >= 3 ? Value.Null : DictValue.From(dict.Select(e => new KeyValuePair<Value, Value>(e.Key, Primitive(e.Value, level + 1)))),
        ListValue list => level > 3 ? Value.Null : new ListValue(list.Select(v => Primitive(v, level))),
        _ => value,
    };

    /// <summary>Python's <c>json.dumps</c>: with <paramref name="indent"/> null, one line with <c>", "</c> and <c>": "</c>.</summary>
    public static string Dumps(Value value, int? indent)
    {
        var builder = new StringBuilder();
        Write(builder, value, indent, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, Value value, int? indent, int level)
    {
        switch (value)
        {
            case ListValue list:
                if (list.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }

                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i > 0 ? "," : string.Empty);
                    NewLine(builder, indent, level + 1);
                    Write(builder, list[i], indent, level + 1);
                }

                NewLine(builder, indent, level);
                builder.Append(']');
                return;
            case DictValue dict:
                if (dict.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    builder.Append(first ? string.Empty : ",");
                    NewLine(builder, indent, level + 1);
                    first = false;
                    WriteString(builder, KeyText(key));
                    builder.Append(": ");
                    Write(builder, item, indent, level + 1);
                }

                NewLine(builder, indent, level);
                builder.Append('}');
                return;
            case StringValue s:
                WriteString(builder, s.Value);
                return;
            default:
                builder.Append(JsonValues.ToJson(value));
                return;
        }
    }

    /// <summary>Indented: a new line at the level's depth. One line: the space after Python's ", " separator.</summary>
    private static void NewLine(StringBuilder builder, int? indent, int level)
    {
        if (indent is { } width)
        {
            builder.Append('\n').Append(' ', width * level);
        }
        else if (builder[^1] == ',')
        {
            builder.Append(' ');
        }
    }

    private static string KeyText(Value key) => key switch
    {
        StringValue s => s.Value,
        FloatValue f => PythonText.FloatRepr(f.Value),
        _ => JsonValues.ToJson(key),
    };

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
