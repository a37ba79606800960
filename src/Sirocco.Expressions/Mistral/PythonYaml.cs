using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sirocco.Expressions.Mistral;

/// <summary>
/// PyYAML's <c>safe_load</c> (YAML 1.1 implicit scalars: <c>yes</c>/<c>on</c> are booleans, <c>~</c> is null)
/// and <c>safe_dump(default_flow_style=False)</c> (block style, sorted keys, ASCII output).
/// </summary>
internal static partial class PythonYaml
{
    private const int MaxNesting = 256;
    private const int MaxNodes = 1_000_000;

    public static Value Load(string text)
    {
        // The YAML library builds its tree recursively: refuse absurd flow nesting before it can
        // exhaust the stack (block nesting that deep needs an impractically large text).
        var depth = 0;
        foreach (var c in text)
        {
            depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
            if (depth > MaxNesting)
            {
                throw new MistralFunctionException("value_error", $"YAML nests deeper than {MaxNesting} levels");
            }
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new MistralFunctionException("value_error", e.Message);
        }

        var budget = new int[] { MaxNodes };
        return stream.Documents.Count == 0 ? Value.Null : Convert(stream.Documents[0].RootNode, 0, budget);
    }

    // Aliases are shared nodes in the YAML tree but copies in the result: a budget stops "billion laughs".
    private static Value Convert(YamlNode node, int depth, int[] budget) => depth > MaxNesting || --budget[0] < 0
        ? throw new MistralFunctionException("value_error", $"YAML document is too deep or too large (limit {MaxNesting} levels, {MaxNodes} nodes)")
        : node switch
    {
        YamlScalarNode scalar => scalar.Style is ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
            ? Resolve(scalar.Value ?? string.Empty)
            : new StringValue(scalar.Value ?? string.Empty),
        YamlSequenceNode sequence => new ListValue(sequence.Children.Select(c => Convert(c, depth + 1, budget))),
        YamlMappingNode mapping => DictValue.From(mapping.Children.Select(e => new KeyValuePair<Value, Value>(Convert(e.Key, depth + 1, budget), Convert(e.Value, depth + 1, budget)))),
        _ => Value.Null,
    };

    /// <summary>The YAML 1.1 implicit type of a plain scalar, as PyYAML's resolver decides it.</summary>
    public static Value Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return Value.Null;
        }

        if (BoolPattern().IsMatch(text))
        {
            return Value.From(text.ToLowerInvariant() is "yes" or "true" or "on");
        }

        if (IntPattern().IsMatch(text))
        {
            var clean = text.Replace("_", string.Empty, StringComparison.Ordinal);
            var negative = clean.StartsWith('-');
            clean = clean.TrimStart('+', '-');
            BigInteger value = clean.StartsWith("0x", StringComparison.Ordinal)
                ? BigInteger.Parse("0" + clean[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : clean.StartsWith("0b", StringComparison.Ordinal) ? clean[2..].Aggregate(BigInteger.Zero, (acc, c) => (acc * 2) + (c - '0'))
                : clean.Length > 1 && clean[0] == '0' ? clean[1..].Aggregate(BigInteger.Zero, (acc, c) => (acc * 8) + (c - '0'))
                : BigInteger.Parse(clean, CultureInfo.InvariantCulture);
            return new IntValue(negative ? -value : value);
        }

        if (FloatPattern().IsMatch(text))
        {
            var clean = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            return clean.TrimStart('+', '-') switch
            {
                ".inf" => Value.From(clean.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity),
                ".nan" => Value.From(double.NaN),
                _ => Value.From(double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture)),
            };
        }

        return new StringValue(text);
    }

    [GeneratedRegex("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^\d\d\d\d-\d\d?-\d\d?")]
    private static partial Regex TimestampPattern();

    public static string Dump(Value value)
    {
        var builder = new StringBuilder();
        switch (value)
        {
            case ListValue { Count: > 0 } or DictValue { Count: > 0 }:
                WriteBlock(builder, value, 0);
                break;
            default:
                var scalar = Scalar(value, 2);
                builder.Append(scalar).Append('\n');
                if (value is not (ListValue or DictValue) && !scalar.StartsWith('\'') && !scalar.StartsWith('"'))
                {
                    builder.Append("...\n");
                }

                break;
        }

        return builder.ToString();
    }
}
