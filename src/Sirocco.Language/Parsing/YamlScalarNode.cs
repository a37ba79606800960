using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>A scalar as written: its text, quoting style and explicit tag (null when none).</summary>
internal sealed class YamlScalarNode(string value, ScalarStyle style, string? tag, Mark start, Mark end) : YamlNode(start, end)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public string? Tag { get; } = tag;

    public override string ToString() => Value;
}
