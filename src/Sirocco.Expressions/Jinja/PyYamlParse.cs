using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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

    /// <summary>
    /// Parses <paramref name="text"/>. Nesting deeper than <see cref="ExpressionOptions.MaxDepth"/> and more
    /// nodes than <see cref="ExpressionOptions.MaxOutputLength"/> (aliases count each time they are expanded:
    /// PyYAML shares aliased nodes, we copy them) are limit errors: fuzzing found that a deep document
    /// overflowed the stack when printed and an alias bomb ran for minutes.
    /// </summary>
    public static Value Parse(string text, ExpressionOptions options)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(text, options.MaxDepth);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new JinjaException(ErrorCategories.Other, e.Message);
        }

        var budget = options.MaxOutputLength;
        return stream.Documents.Count switch
        {
            0 => Value.Null,
            1 => Convert(stream.Documents[0].RootNode, ref budget),
            _ => throw JinjaException.ValueError("expected a single document in the stream"),
        };
    }

    private static void CheckDepth(string text, int maxDepth)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is SequenceStart or MappingStart && ++depth > maxDepth)
            {
                throw new JinjaException(ErrorCategories.Limit, $"yaml_parse: nesting deeper than the depth limit ({maxDepth}).");
            }

            if (parser.Current is SequenceEnd or MappingEnd)
            {
                depth--;
            }
        }
    }

    private static Value Convert(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            throw new JinjaException(ErrorCategories.Limit, "yaml_parse: the document expands to more nodes than the output size limit.");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode sequence:
                var items = new List<Value>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    items.Add(Convert(child, ref budget));
                }

                return new ListValue(items);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<Value, Value>>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    entries.Add(new KeyValuePair<Value, Value>(Convert(key, ref budget), Convert(value, ref budget)));
                }

                return DictValue.From(entries);
            default:
                return Value.Null;
        }
    }

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
