namespace Sirocco.Language.Parsing;

/// <summary>The ordered entries of a <see cref="YamlMappingNode"/>.</summary>
internal sealed class YamlMappingEntries : List<KeyValuePair<YamlNode, YamlNode>>
{
    public IEnumerable<YamlNode> Keys => this.Select(e => e.Key);
}
