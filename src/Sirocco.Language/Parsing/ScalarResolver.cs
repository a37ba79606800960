using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>
/// Turns a YAML scalar into a <see cref="Value"/> the way PyYAML's safe loader (YAML 1.1) does, because
/// that is what Mistral sees: plain <c>yes</c>/<c>off</c> are booleans, <c>1e3</c> is a string (1.1 floats need a dot),
/// <c>0o17</c> is a string but <c>017</c> is octal 15, <c>1_000</c> is 1000. Quoted scalars are always strings.
/// </summary>
internal static partial class ScalarResolver
{
    private const string StrTag = "tag:yaml.org,2002:str";

    public static Value Resolve(YamlScalarNode node)
    {
        var text = node.Value;
        var tag = node.Tag;
        if (tag == StrTag || (tag is null && node.Style != ScalarStyle.Plain))
        {
            return new StringValue(text);
        }

        return ResolvePlain(text);
    }

    public static Value ResolvePlain(string text)
    {
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return Value.Null;
        }

        switch (text)
        {
            case "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return Value.True;
            case "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return Value.False;
        }

        var first = text[0];
        if (!char.IsAsciiDigit(first) && first is not ('-' or '+' or '.'))
        {
            return new StringValue(text);
        }

        if (IntPattern().IsMatch(text))
        {
            return new IntValue(ParseInt(text));
        }

        if (FloatPattern().IsMatch(text))
        {
            return new FloatValue(ParseFloat(text));
        }

        return new StringValue(text);
    }

    private static BigInteger ParseInt(string text)
    {
        var negative = text[0] == '-';
        var body = text.TrimStart('-', '+').Replace("_", string.Empty, StringComparison.Ordinal);
        BigInteger value;
        if (body.StartsWith("0b", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + body[2..], NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture);
        }
        else if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (body.Contains(':', StringComparison.Ordinal))
        {
            // Sexagesimal (base 60), a YAML 1.1 curiosity PyYAML still honours: 1:30 == 90.
            value = BigInteger.Zero;
            foreach (var part in body.Split(':'))
            {
                value = (value * 60) + BigInteger.Parse(part, CultureInfo.InvariantCulture);
            }
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            value = BigInteger.Zero;
            foreach (var digit in body[1..])
            {
                value = (value * 8) + (digit - '0');
            }
        }
        else
        {
            value = BigInteger.Parse(body, CultureInfo.InvariantCulture);
        }

        return negative ? -value : value;
    }

    private static double ParseFloat(string text)
    {
        var body = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = body.ToLowerInvariant();
        if (lower.EndsWith(".inf", StringComparison.Ordinal))
        {
            return lower[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (lower == ".nan")
        {
            return double.NaN;
        }

        if (body.Contains(':', StringComparison.Ordinal))
        {
            var negative = body[0] == '-';
            var parts = body.TrimStart('-', '+').Split(':');
            var value = 0.0;
            foreach (var part in parts)
            {
                value = (value * 60) + double.Parse(part, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            return negative ? -value : value;
        }

        return double.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    // PyYAML's int resolver (YAML 1.1), without its octal/binary quirks beyond what it accepts.
    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    // PyYAML's float resolver: a dot is required, the exponent needs a sign, and a leading dot needs a
    // digit right after it ("._" stays a string; found by fuzzing, it used to reach double.Parse(".")).
    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
