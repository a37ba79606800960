using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>
/// A node of our own light YAML tree, built from YamlDotNet's parser events by <see cref="YamlTreeBuilder"/>. We do not
/// use YamlDotNet's representation model: it loads recursively (deep input overflows the stack), stops at the first
/// duplicate key and hashes whole subtrees; building from events is non-recursive and cheaper.
/// </summary>
internal abstract class YamlNode(Mark start, Mark end)
{
    public Mark Start { get; } = start;

    /// <summary>The end of the node; a collection's is set when its end event arrives.</summary>
    public Mark End { get; set; } = end;
}
