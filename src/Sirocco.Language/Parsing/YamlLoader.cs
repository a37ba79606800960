using Sirocco.Language.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sirocco.Language.Parsing;

/// <summary>
/// Builds our YAML tree from YamlDotNet's parser events without recursion, reporting YAML errors, duplicate keys,
/// anchors and excessive nesting as diagnostics. Returns the root mapping, or null when the text cannot be read.
/// </summary>
internal static class YamlLoader
{
    /// <summary>Far beyond any real definition; PyYAML (Mistral's loader) gives up near 1,000 levels anyway.</summary>
    public const int MaxDepth = 256;

    public static YamlMappingNode? Load(string text, DiagnosticBag bag)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new List<Frame>();
        YamlNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        documents++;
                        break;
                    case NodeEvent or AnchorAlias when documents > 1:
                        bag.Add(DiagnosticBag.At(parser.Current.Start), string.Empty, "a definition must be a single YAML document");
                        return null;
                    case AnchorAlias or NodeEvent { Anchor.IsEmpty: false }:
                        // Mistral's loader reads '&' and '*' as plain text to defuse alias bombs; silently giving them
                        // YAML meaning would change what a definition says, so we refuse them instead.
                        bag.Add(DiagnosticBag.At(parser.Current.Start), string.Empty,
                            "YAML anchors and aliases are not supported (Mistral reads '&' and '*' as text); quote the value");
                        return null;
                    case Scalar s:
                        var scalar = new YamlScalarNode(s.Value, s.Style, s.Tag.IsEmpty ? null : s.Tag.Value, s.Start, s.End);
                        root = Attach(stack, scalar, bag) ?? root;
                        break;
                    case SequenceStart or MappingStart:
                        if (stack.Count >= MaxDepth)
                        {
                            bag.Add(DiagnosticBag.At(parser.Current.Start), string.Empty, $"nesting deeper than {MaxDepth} levels is not supported");
                            return null;
                        }

                        YamlNode collection = parser.Current is MappingStart
                            ? new YamlMappingNode(parser.Current.Start)
                            : new YamlSequenceNode(parser.Current.Start);
                        root = Attach(stack, collection, bag) ?? root;
                        stack.Add(new Frame(collection));
                        break;
                    case SequenceEnd or MappingEnd:
                        stack[^1].Node.End = parser.Current.End;
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            var inner = e.InnerException as YamlException ?? e;
            bag.Add(DiagnosticBag.At(inner.Start), string.Empty, $"invalid YAML: {Clean(inner.Message)}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (e.g. a flow '[' opened at a bad
            // indentation); point at the last place it read successfully.
            var at = parser.Current is { } last ? DiagnosticBag.At(last.End) : SourceLocation.Start;
            bag.Add(at, string.Empty, "invalid YAML: the text cannot be read past this point");
            return null;
        }

        switch (root)
        {
            case null or YamlScalarNode { Value: "", Style: ScalarStyle.Plain }:
                bag.Add(SourceLocation.Start, string.Empty, "the definition is empty");
                return null;
            case YamlMappingNode map:
                return map;
            default:
                bag.Add(root, string.Empty, "a definition must be a YAML mapping (starting with version: '2.0')");
                return null;
        }
    }

    /// <summary>Adds a node to the collection being built; returns it when it is the document's root.</summary>
    private static YamlNode? Attach(List<Frame> stack, YamlNode node, DiagnosticBag bag)
    {
        if (stack.Count == 0)
        {
            return node;
        }

        var frame = stack[^1];
        switch (frame.Node)
        {
            case YamlSequenceNode list:
                list.Children.Add(node);
                break;
            case YamlMappingNode map when frame.PendingKey is null:
                frame.PendingKey = node;
                frame.SkipValue = node is YamlScalarNode key && !(frame.KeyTexts ??= new(StringComparer.Ordinal)).Add(key.Value);
                if (frame.SkipValue)
                {
                    // Reported here and reading goes on; the first occurrence is the one that counts.
                    bag.Add(node, PathTo(stack), $"duplicate key '{((YamlScalarNode)node).Value}' (names of workflows, tasks, actions and keys must be unique)");
                }

                break;
            case YamlMappingNode map:
                if (!frame.SkipValue)
                {
                    map.Children.Add(new(frame.PendingKey, node));
                }

                frame.CurrentKey = frame.PendingKey;
                frame.PendingKey = null;
                break;
        }

        return null;
    }

    private static string PathTo(List<Frame> stack)
    {
        var path = string.Empty;
        foreach (var frame in stack)
        {
            path = frame.Node switch
            {
                // The item or value being built is already attached to its parent.
                YamlSequenceNode list => YamlPaths.Index(path, list.Children.Count - 1),
                _ when (frame.PendingKey ?? frame.CurrentKey) is YamlScalarNode key => YamlPaths.Key(path, key.Value),
                _ => path,
            };
        }

        return path;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is in the diagnostic already.
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && at >= 0 ? message[(at + 3)..] : message;
    }

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;

        /// <summary>A key read whose value has not arrived yet.</summary>
        public YamlNode? PendingKey { get; set; }

        /// <summary>The key of the value most recently attached (the one being built while nested nodes arrive).</summary>
        public YamlNode? CurrentKey { get; set; }

        public bool SkipValue { get; set; }

        public HashSet<string>? KeyTexts { get; set; }
    }
}
