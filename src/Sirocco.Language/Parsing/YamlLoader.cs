using Sirocco.Language.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sirocco.Language.Parsing;

/// <summary>Loads YAML text into the representation model, turning YAML errors into diagnostics.</summary>
internal static class YamlLoader
{
    public static YamlMappingNode? Load(string text, DiagnosticBag bag)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var mark = e.InnerException is YamlException innerMark ? innerMark.Start : e.Start;
            message = Clean(message);
            bag.Add(DiagnosticBag.At(mark), string.Empty, message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"duplicate key '{message["Duplicate key ".Length..]}' (names of workflows, tasks, actions and keys must be unique)"
                : $"invalid YAML: {message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            bag.Add(SourceLocation.Start, string.Empty, "the definition is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            bag.Add(DiagnosticBag.At(stream.Documents[1].RootNode.Start), string.Empty, "a definition must be a single YAML document");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode map)
        {
            bag.Add(root, string.Empty, "a definition must be a YAML mapping (starting with version: '2.0')");
            return null;
        }

        var anchors = FindAnchor(root);
        if (anchors is not null)
        {
            // Mistral's loader reads '&' and '*' as plain text to defuse alias bombs; silently giving them
            // YAML meaning would change what a definition says, so we refuse them instead.
            bag.Add(anchors, string.Empty, "YAML anchors and aliases are not supported (Mistral reads '&' and '*' as text); quote the value");
            return null;
        }

        return map;
    }

    private static YamlNode? FindAnchor(YamlNode node)
    {
        if (!node.Anchor.IsEmpty)
        {
            return node;
        }

        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if ((FindAnchor(key) ?? FindAnchor(value)) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (FindAnchor(item) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is in the diagnostic already.
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && at >= 0 ? message[(at + 3)..] : message;
    }
}
