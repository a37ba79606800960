using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>A sequence: its items in order.</summary>
internal sealed class YamlSequenceNode(Mark start) : YamlNode(start, start)
{
    public List<YamlNode> Children { get; } = [];
}
