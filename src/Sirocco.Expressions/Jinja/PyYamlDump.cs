using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// PyYAML's <c>safe_dump(data, default_flow_style=False)</c> as Mistral's <c>yaml_dump</c> calls it: block style,
/// sorted keys, indentless sequences under keys, plain scalars unless they would read back as another
/// type, single quotes otherwise and double quotes with escapes for non-ASCII or control characters.
/// </summary>
internal static partial class PyYamlDump
{
    private const int BestWidth = 80;

    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|=|<<)$")]
    private static partial Regex Reserved();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntLike();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatLike();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex TimestampLike();

    public static string Dump(Value value)
    {
        var builder = new StringBuilder();
        if (value is DictValue { Count: > 0 } or ListValue { Count: > 0 })
        {
            WriteBlock(builder, value, 0);
            return builder.ToString();
        }

        var (text, plain) = Scalar(value, 0);
        builder.Append(text).Append('\n');
        if (plain && value is not (DictValue or ListValue))
        {
            builder.Append("...\n");
        }

        return builder.ToString();
    }

    private static void WriteBlock(StringBuilder builder, Value value, int indent)
    {
        if (value is DictValue dict)
        {
            var entries = Py.Sorted(dict, e => e.Key);
            foreach (var (key, item) in entries)
            {
                builder.Append(' ', indent);
                builder.Append(Scalar(key, indent).Text).Append(':');
                WriteValue(builder, item, indent, inSequence: false);
            }
        }
        else
        {
            foreach (var item in Py.Iterate(value))
            {
                builder.Append(' ', indent).Append('-');
                WriteValue(builder, item, indent, inSequence: true);
            }
        }
    }

    private static void WriteValue(StringBuilder builder, Value item, int indent, bool inSequence)
    {
        switch (item)
        {
            case DictValue { Count: > 0 } or ListValue { Count: > 0 } when inSequence:
                // The nested block starts on the dash's line: "- a: 1" / "- - 1".
                var nested = new StringBuilder();
                WriteBlock(nested, item, indent + 2);
                builder.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                break;
            case DictValue { Count: > 0 }:
                builder.Append('\n');
                WriteBlock(builder, item, indent + 2);
                break;
            case ListValue { Count: > 0 }:
                builder.Append('\n');
                WriteBlock(builder, item, indent);
                break;
            default:
                var column = builder.Length - (builder.ToString().LastIndexOf('\n') + 1) + 1;
                builder.Append(' ').Append(Scalar(item, indent + 2, column).Text).Append('\n');
                break;
        }
    }

    private static (string Text, bool Plain) Scalar(Value value, int indent, int column = 0) => value switch
    {
        NullValue => ("null", true),
        BoolValue b => (b.Value ? "true" : "false", true),
        IntValue i => (i.Value.ToString(CultureInfo.InvariantCulture), true),
        FloatValue f => (FloatText(f.Value), true),
        DictValue => ("{}", false),
        ListValue => ("[]", false),
        StringValue s => StringScalar(s.Value, indent, column),
        _ => throw new JinjaException(ErrorCategories.Other, $"cannot represent an object: {PythonText.Repr(value)}"),
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

        var repr = PythonText.FloatRepr(value).ToLowerInvariant();
        return !repr.Contains('.', StringComparison.Ordinal) && repr.Contains('e', StringComparison.Ordinal)
            ? repr.Replace("e", ".0e", StringComparison.Ordinal)
            : repr;
    }

    private static (string Text, bool Plain) StringScalar(string text, int indent, int column)
    {
        var special = text.Any(c => c != '\n' && (c < 0x20 || c > 0x7e));
        if (special)
        {
            return (DoubleQuoted(text), false);
        }

        if (CanBePlain(text))
        {
            return (Fold(text, indent, column), true);
        }

        var quoted = text.Replace("'", "''", StringComparison.Ordinal)
            .Replace("\n", "\n\n" + new string(' ', indent), StringComparison.Ordinal);
        return ("'" + quoted + "'", false);
    }

    private static bool CanBePlain(string text)
    {
        if (text.Length == 0 || Reserved().IsMatch(text) || IntLike().IsMatch(text) || FloatLike().IsMatch(text) || TimestampLike().IsMatch(text))
        {
            return false;
        }

        if (text.Contains('\n', StringComparison.Ordinal) || text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        if ("#,[]{}&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (text[0] is '-' or '?' or ':' && (text.Length == 1 || text[1] == ' '))
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':') && !text.Contains(" #", StringComparison.Ordinal);
    }

    /// <summary>PyYAML breaks a long plain scalar at a single space once the line passes 80 columns.</summary>
    private static string Fold(string text, int indent, int column)
    {
        if (column + text.Length <= BestWidth)
        {
            return text;
        }

        var builder = new StringBuilder();
        var col = column;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && col > BestWidth && i + 1 < text.Length && text[i + 1] != ' ' && i > 0 && text[i - 1] != ' ')
            {
                builder.Append('\n').Append(' ', indent);
                col = indent;
                continue;
            }

            builder.Append(c);
            col++;
        }

        return builder.ToString();
    }

    private static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                '\x1b' => "\\e",
                '"' => "\\\"",
                '\\' => "\\\\",
                '\x85' => "\\N",
                '\xa0' => "\\_",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when c < 0x20 || (c > 0x7e && c <= 0xff) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ when c > 0xff => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
