using System.Globalization;
using Sirocco.Expressions.Values;
using YamlDotNet.RepresentationModel;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>Reads scenario files: YAML nodes to values (plain scalars resolved as YAML 1.2 core: int, float, bool, null).</summary>
internal static class YamlValues
{
    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static Value ToValue(YamlNode node) => node switch
    {
        YamlMappingNode map => DictValue.From(map.Children.Select(p => new KeyValuePair<Value, Value>(ToValue(p.Key), ToValue(p.Value)))),
        YamlSequenceNode seq => new ListValue(seq.Children.Select(ToValue)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => Value.Null,
    };

    private static Value Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return Value.From(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return Value.Null;
            case "true" or "True" or "TRUE":
                return Value.True;
            case "false" or "False" or "FALSE":
                return Value.False;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return Value.From(i);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && text.Any(char.IsDigit)
            ? Value.From(f)
            : Value.From(text);
    }
}
