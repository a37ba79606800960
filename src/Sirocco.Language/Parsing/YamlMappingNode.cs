using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>A mapping: its entries in the order written (keys are unique; the builder reports duplicates).</summary>
internal sealed class YamlMappingNode(Mark start) : YamlNode(start, start)
{
    public YamlMappingEntries Children { get; } = [];
}
