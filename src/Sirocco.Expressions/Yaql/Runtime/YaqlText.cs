using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// Python <c>str()</c>/<c>repr()</c> of values as they are <em>inside</em> YAQL: input lists are tuples
/// there, so <c>str([1, 'a'])</c> reads <c>(1, 'a')</c>; sets read <c>frozenset({...})</c>.
/// </summary>
internal static class YaqlText
{
    public static string Str(Value value) => value switch
    {
        StringValue s => s.Value,
        YaqlDateTime or YaqlTimeSpan or YaqlLazy or YaqlOrdered or YaqlRegex or YaqlScopeValue => value.ToString(),
        _ => Repr(value),
    };

    public static string Repr(Value value)
    {
        var builder = new StringBuilder();
        AppendRepr(builder, value);
        return builder.ToString();
    }

    private static void AppendRepr(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case ListValue { IsTuple: true } pythonList:
                builder.Append('[');
                for (var i = 0; i < pythonList.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendRepr(builder, pythonList[i]);
                }

                builder.Append(']');
                break;
            case ListValue list:
                builder.Append('(');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendRepr(builder, list[i]);
                }

                builder.Append(list.Count == 1 ? ",)" : ")");
                break;
            case YaqlSet set:
                if (set.Items.Length == 0)
                {
                    builder.Append("frozenset()");
                    break;
                }

                builder.Append("frozenset({");
                for (var i = 0; i < set.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendRepr(builder, set.Items[i]);
                }

                builder.Append("})");
                break;
            case DictValue dict:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    AppendRepr(builder, key);
                    builder.Append(": ");
                    AppendRepr(builder, item);
                }

                builder.Append('}');
                break;
            case YaqlDateTime or YaqlTimeSpan or YaqlLazy or YaqlOrdered or YaqlRegex or YaqlScopeValue:
                builder.Append(value.ToString());
                break;
            default:
                PythonText.AppendRepr(builder, value);
                break;
        }
    }
}
