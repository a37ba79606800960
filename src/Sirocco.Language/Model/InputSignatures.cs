using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// The one-line input signatures Mistral's REST API shows. Mistral formats the two differently, and
/// clients compare them as text, so we copy both forms: workflows write <c>name="str(default)"</c>
/// (Python <c>str</c> inside double quotes, so <c>b="1"</c>, <c>c="None"</c>), ad-hoc actions write
/// <c>name=json.dumps(default)</c> (so <c>b=1</c>, <c>c="x"</c>, <c>d=null</c>).
/// </summary>
internal static class InputSignatures
{
    public static string ForWorkflow(IEnumerable<InputParameter> input) =>
        string.Join(", ", input.Select(p => p.Default is null ? p.Name : $"{p.Name}=\"{p.Default.ToText()}\""));

    public static string ForAction(IEnumerable<InputParameter> input) =>
        string.Join(", ", input.Select(p => p.Default is null ? p.Name : $"{p.Name}={PythonJsonDumps(p.Default)}"));

    /// <summary>Python's <c>json.dumps</c> with its defaults: <c>", "</c> and <c>": "</c> separators, non-ASCII escaped.</summary>
    internal static string PythonJsonDumps(Value value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Value value)
    {
        switch (value)
        {
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
                builder.Append(double.IsFinite(f.Value) ? PythonText.FloatRepr(f.Value)
                    : double.IsNaN(f.Value) ? "NaN" : f.Value > 0 ? "Infinity" : "-Infinity");
                break;
            case StringValue s:
                AppendString(builder, s.Value);
                break;
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
            default:
                builder.Append(value.ToText());
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
