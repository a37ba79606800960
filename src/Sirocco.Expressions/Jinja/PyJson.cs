using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Python's <c>json.dumps</c> output, byte for byte: <c>", "</c> and <c>": "</c> separators (<c>","</c> when
/// indenting), <c>ensure_ascii</c> escapes, optional key sorting. Jinja's <c>tojson</c> and Mistral's
/// <c>json_dump</c>/<c>json_pp</c> are written in terms of it.
/// </summary>
internal static class PyJson
{
    public static string Dumps(Value value, int? indent = null, bool sortKeys = false, bool ensureAscii = true)
    {
        var builder = new StringBuilder();
        Write(builder, value, indent, sortKeys, ensureAscii, 0);
        return builder.ToString();
    }

    /// <summary>Python's <c>json.loads</c>; malformed text raises a <c>value_error</c> as Python's <c>JSONDecodeError</c>.</summary>
    public static Value Loads(string text)
    {
        try
        {
            return JsonValues.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw JinjaException.ValueError(text.Trim().Length == 0 || !"[{\"-0123456789tfnNI".Contains(text.Trim()[0], StringComparison.Ordinal)
                ? "Expecting value: line 1 column 1 (char 0)"
                : e.Message);
        }
    }

    private static void Write(StringBuilder builder, Value value, int? indent, bool sortKeys, bool ensureAscii, int level)
    {
        switch (value)
        {
            case Undefined:
                throw JinjaException.Type("Object of type StrictUndefined is not JSON serializable");
            case NullValue:
                builder.Append("null");
                break;
            case BoolValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case IntValue i:
                builder.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatValue f:
                builder.Append(double.IsNaN(f.Value) ? "NaN" : double.IsInfinity(f.Value) ? (f.Value > 0 ? "Infinity" : "-Infinity") : PythonText.FloatRepr(f.Value));
                break;
            case StringValue s:
                WriteString(builder, s.Value, ensureAscii);
                break;
            case ListValue or LazySequence:
                var items = Py.Iterate(value);
                if (items.Count == 0)
                {
                    builder.Append("[]");
                    break;
                }

                builder.Append('[');
                for (var k = 0; k < items.Count; k++)
                {
                    Separator(builder, k > 0, indent, level + 1);
                    Write(builder, items[k], indent, sortKeys, ensureAscii, level + 1);
                }

                Close(builder, indent, level);
                builder.Append(']');
                break;
            case DictValue dict:
                if (dict.Count == 0)
                {
                    builder.Append("{}");
                    break;
                }

                IEnumerable<KeyValuePair<string, Value>> entries = dict.Select(e => new KeyValuePair<string, Value>(KeyText(e.Key), e.Value));
                if (sortKeys)
                {
                    entries = Py.Sorted(entries, e => new StringValue(e.Key));
                }

                builder.Append('{');
                var first = true;
                foreach (var (key, item) in entries)
                {
                    Separator(builder, !first, indent, level + 1);
                    first = false;
                    WriteString(builder, key, ensureAscii);
                    builder.Append(": ");
                    Write(builder, item, indent, sortKeys, ensureAscii, level + 1);
                }

                Close(builder, indent, level);
                builder.Append('}');
                break;
            default:
                throw JinjaException.Type($"Object of type {Py.TypeName(value)} is not JSON serializable");
        }
    }

    private static void Separator(StringBuilder builder, bool notFirst, int? indent, int level)
    {
        if (notFirst)
        {
            builder.Append(indent is null ? ", " : ",");
        }

        if (indent is { } n)
        {
            builder.Append('\n').Append(' ', n * level);
        }
    }

    private static void Close(StringBuilder builder, int? indent, int level)
    {
        if (indent is { } n)
        {
            builder.Append('\n').Append(' ', n * level);
        }
    }

    private static string KeyText(Value key) => key switch
    {
        StringValue s => s.Value,
        BoolValue b => b.Value ? "true" : "false",
        NullValue => "null",
        IntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatValue f => PythonText.FloatRepr(f.Value),
        _ => throw JinjaException.Type($"keys must be str, int, float, bool or None, not {Py.TypeName(key)}"),
    };

    private static void WriteString(StringBuilder builder, string text, bool ensureAscii)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e))
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
