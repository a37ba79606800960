using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// PyYAML's <c>safe_load</c> as Mistral's <c>yaml_parse</c> calls it: YAML 1.1 plain-scalar typing
/// (<c>yes</c>/<c>on</c> are booleans, <c>0x1f</c> and <c>0o17</c>-style octal <c>017</c> are integers,
/// <c>1e3</c> without a dot stays a string). Timestamps stay strings.
/// </summary>
internal static partial class PyYamlParse
{
    [GeneratedRegex(@"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")]
    private static partial Regex TrueWords();

    [GeneratedRegex(@"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")]
    private static partial Regex FalseWords();

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullWords();

    [GeneratedRegex(@"^[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    public static Value Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new JinjaException(ErrorCategories.Other, e.Message);
        }

        return stream.Documents.Count switch
        {
            0 => Value.Null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw JinjaException.ValueError("expected a single document in the stream"),
        };
    }

    private static Value Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new ListValue(sequence.Children.Select(Convert)),
        YamlMappingNode mapping => DictValue.From(mapping.Children.Select(e => new KeyValuePair<Value, Value>(Convert(e.Key), Convert(e.Value)))),
        _ => Value.Null,
    };

    private static Value Scalar(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (tag is null && node.Style != ScalarStyle.Plain))
        {
            return new StringValue(text);
        }

        if (NullWords().IsMatch(text))
        {
            return Value.Null;
        }

        if (TrueWords().IsMatch(text))
        {
            return Value.True;
        }

        if (FalseWords().IsMatch(text))
        {
            return Value.False;
        }

        if (IntPattern().IsMatch(text))
        {
            return new IntValue(ParseInt(text.Replace("_", string.Empty, StringComparison.Ordinal)));
        }

        if (FloatPattern().IsMatch(text))
        {
            var t = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            return new FloatValue(t.Contains("inf", StringComparison.Ordinal)
                ? (t.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity)
                : t.Contains("nan", StringComparison.Ordinal) ? double.NaN : double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new StringValue(text);
    }

    private static BigInteger ParseInt(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-', '+');
        var (radix, digits) = body switch
        {
            _ when body.StartsWith("0b", StringComparison.Ordinal) => (2, body[2..]),
            _ when body.StartsWith("0x", StringComparison.Ordinal) => (16, body[2..]),
            _ when body.Length > 1 && body.StartsWith('0') => (8, body[1..]),
            _ => (10, body),
        };
        var value = BigInteger.Zero;
        foreach (var c in digits)
        {
            value = (value * radix) + System.Convert.ToInt32(c.ToString(), 16);
        }

        return negative ? -value : value;
    }
}
