using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.DataFlow;

/// <summary>
/// Python's <c>json.dumps</c> with its default separators (<c>", "</c>, <c>": "</c>): Mistral stores a dict
/// given as a <c>state_info</c> (e.g. <c>fail msg=&lt;% task().result %&gt;</c>) in that form.
/// </summary>
internal static class PythonJson
{
    public static string Dumps(Value value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>The text of a state_info: dicts as JSON, anything else as Python's str().</summary>
    public static string StateInfo(Value value) => value is DictValue ? Dumps(value) : value.ToText();

    private static void Append(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case ListValue list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty);
                    Append(builder, list[i]);
                }

                builder.Append(']');
                break;
            case DictValue dict:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    builder.Append(first ? string.Empty : ", ");
                    first = false;
                    AppendString(builder, JsonValues.KeyText(key));
                    builder.Append(": ");
                    Append(builder, item);
                }

                builder.Append('}');
                break;
            case StringValue s:
                AppendString(builder, s.Value);
                break;
            default:
                builder.Append(value.ToJson());
                break;
        }
    }

    private static void AppendString(StringBuilder builder, string text)
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
