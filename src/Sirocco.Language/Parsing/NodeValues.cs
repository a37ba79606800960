using Sirocco.Expressions.Values;

namespace Sirocco.Language.Parsing;

/// <summary>Converts any YAML node to a <see cref="Value"/> (mapping → ordered dict, sequence → list).</summary>
internal static class NodeValues
{
    public static Value ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ScalarResolver.Resolve(scalar),
        YamlSequenceNode sequence => new ListValue(sequence.Children.Select(ToValue)),
        YamlMappingNode mapping => ToDict(mapping),
        _ => Value.Null,
    };

    public static DictValue ToDict(YamlMappingNode mapping) =>
        DictValue.From(mapping.Children.Select(e => new KeyValuePair<Value, Value>(ToValue(e.Key), ToValue(e.Value))));
}
