using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Mistral;

/// <summary>The block-style emitter of <see cref="PythonYaml.Dump"/>.</summary>
internal static partial class PythonYaml
{
    private static void WriteBlock(StringBuilder builder, Value value, int indent)
    {
        switch (value)
        {
            case DictValue dict:
                var first = true;
                foreach (var (key, item) in dict.OrderBy(e => e.Key, KeyComparer.Instance))
                {
                    if (!first)
                    {
                        builder.Append(' ', indent);
                    }

                    first = false;
                    builder.Append(Scalar(key, indent)).Append(':');
                    WriteChild(builder, item, indent, inMapping: true);
                }

                break;
            case ListValue list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ', indent);
                    }

                    builder.Append('-');
                    WriteChild(builder, list[i], indent, inMapping: false);
                }

                break;
        }
    }

    private static void WriteChild(StringBuilder builder, Value item, int indent, bool inMapping)
    {
        switch (item)
        {
            case DictValue { Count: > 0 } when inMapping:
                builder.Append('\n').Append(' ', indent + 2);
                WriteBlock(builder, item, indent + 2);
                break;
            case ListValue { Count: > 0 } when inMapping:
                builder.Append('\n').Append(' ', indent);
                WriteBlock(builder, item, indent);
                break;
            case DictValue { Count: > 0 } or ListValue { Count: > 0 }:
                builder.Append(' ');
                WriteBlock(builder, item, indent + 2);
                break;
            default:
                builder.Append(' ').Append(Scalar(item, indent + 2)).Append('\n');
                break;
        }
    }

    private static string Scalar(Value value, int indent = 0) => value switch
    {
        NullValue => "null",
        BoolValue b => b.Value ? "true" : "false",
        IntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatValue f => FloatText(f.Value),
        StringValue s => StringText(s.Value, indent),
        ListValue => "[]",
        DictValue => "{}",
        _ => StringText(value.ToString(), indent),
    };

    private static string FloatText(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var repr = PythonText.FloatRepr(value);
        return repr.Contains('.', StringComparison.Ordinal) || !repr.Contains('e', StringComparison.Ordinal) ? repr : repr.Replace("e", ".0e", StringComparison.Ordinal);
    }

    private static string StringText(string text, int indent)
    {
        if (text.Any(c => c > 0x7e || (c < 0x20 && c != '\n')))
        {
            return DoubleQuoted(text);
        }

        if (NeedsQuotes(text))
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal).Replace("\n", "\n\n" + new string(' ', indent), StringComparison.Ordinal) + "'";
        }

        return text;
    }

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text.Contains('\n', StringComparison.Ordinal) || text != text.Trim() || Resolve(text) is not StringValue ||
            TimestampPattern().IsMatch(text))
        {
            return true;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            var dashLike = text[0] is '-' or '?' or ':';
            if (!dashLike || text.Length == 1 || text[1] == ' ')
            {
                return true;
            }
        }

        return text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':');
    }

    private static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                < ' ' or (> '~' and <= '\u00ff') => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                > '\u00ff' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private sealed class KeyComparer : IComparer<Value>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(Value? x, Value? y) => (x, y) switch
        {
            (StringValue a, StringValue b) => string.CompareOrdinal(a.Value, b.Value),
            (IntValue a, IntValue b) => a.Value.CompareTo(b.Value),
            _ => string.CompareOrdinal(x?.ToString(), y?.ToString()),
        };
    }
}
