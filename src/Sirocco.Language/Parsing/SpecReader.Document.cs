using System.Collections.Immutable;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    private static readonly string[] WorkbookKeys = ["version", "name", "description", "tags", "workflows", "actions"];

    public WorkflowDocument? ReadDocument(YamlMappingNode root, DocumentKind? kind, string ns)
    {
        var actualKind = kind ?? GuessKind(root);
        CheckVersion(root, string.Empty, required: true);
        _sliceDefinitions = actualKind == DocumentKind.Workbook ||
            (actualKind == DocumentKind.Workflows && root.Children.Keys.Count(k => KeyOf(k) != "version") > 1);
        var document = actualKind switch
        {
            DocumentKind.Workbook => ReadWorkbook(root),
            DocumentKind.Actions => new WorkflowDocument
            {
                Kind = DocumentKind.Actions,
                Definition = _text,
                Actions = ReadNamedList(root, string.Empty, "action", ReadAction),
            },
            _ => new WorkflowDocument
            {
                Kind = DocumentKind.Workflows,
                Definition = _text,
                Workflows = ReadNamedList(root, string.Empty, "workflow", ReadWorkflow),
            },
        };

        if (document.Kind != DocumentKind.Workbook && document.Workflows.IsEmpty && document.Actions.IsEmpty &&
            !root.Children.Keys.Any(k => KeyOf(k) != "version"))
        {
            _bag.Add(root, string.Empty, $"the file defines no {(document.Kind == DocumentKind.Actions ? "action" : "workflow")}");
        }

        return FixDefinitions(document) with { Namespace = ns };
    }

    /// <summary>
    /// What Mistral stores as each definition's text: the whole file for a file with one workflow and for every
    /// action of an action file; for a file of several workflows, that workflow alone under the file's version
    /// (Mistral re-dumps the YAML there; we keep the author's text and comments instead).
    /// </summary>
    private WorkflowDocument FixDefinitions(WorkflowDocument document) => document.Kind switch
    {
        DocumentKind.Workflows when document.Workflows.Length == 1 =>
            document with { Workflows = [document.Workflows[0] with { Definition = _text }] },
        DocumentKind.Workflows =>
            document with { Workflows = [.. document.Workflows.Select(w => w with { Definition = "version: '2.0'\n\n" + w.Definition })] },
        DocumentKind.Actions => document with { Actions = [.. document.Actions.Select(a => a with { Definition = _text })] },
        _ => document,
    };

    private static DocumentKind GuessKind(YamlMappingNode root)
    {
        if (Get(root, "name") is not null || Get(root, "workflows") is YamlMappingNode || Get(root, "actions") is YamlMappingNode)
        {
            return DocumentKind.Workbook;
        }

        // An action file has no entry with 'tasks' and at least one with 'base' or 'base-input'.
        var entries = root.Children.Where(e => KeyOf(e.Key) != "version").Select(e => e.Value as YamlMappingNode).ToList();
        return entries.Count > 0 && entries.All(e => e is null || Get(e, "tasks") is null) &&
               entries.Any(e => e is not null && (Get(e, "base") is not null || Get(e, "base-input") is not null))
            ? DocumentKind.Actions
            : DocumentKind.Workflows;
    }

    /// <summary>Mistral accepts <c>'2.0'</c>, <c>2.0</c> and <c>2</c>; anything else is another DSL.</summary>
    private void CheckVersion(YamlMappingNode map, string path, bool required)
    {
        var node = Get(map, "version");
        if (node is null)
        {
            if (required)
            {
                _bag.Add(map, path, "missing required key 'version' (write version: '2.0')");
            }

            return;
        }

        var value = node is YamlScalarNode scalar ? ScalarResolver.Resolve(scalar) : null;
        var ok = value switch
        {
            StringValue s => s.Value is "2.0" or "2",
            IntValue or FloatValue => value.Equals(new FloatValue(2.0)),
            _ => false,
        };
        if (!ok)
        {
            var shown = value switch
            {
                null => Describe(node),
                NullValue => "(empty)",
                _ => $"'{value.ToText()}'",
            };
            _bag.Add(node, YamlPaths.Key(path, "version"), $"unsupported DSL version {shown} (expected '2.0')");
        }
    }

    private WorkflowDocument ReadWorkbook(YamlMappingNode root)
    {
        CheckKeys(root, string.Empty, WorkbookKeys, "a workbook");
        string? name = null;
        if (Get(root, "name") is { } nameNode)
        {
            name = ReadNonEmptyString(nameNode, "name", "the workbook name");
        }
        else
        {
            _bag.Add(root, string.Empty, "missing required key 'name' of the workbook");
        }

        var workflows = ImmutableArray<WorkflowSpec>.Empty;
        if (Get(root, "workflows") is { } wfNode && ExpectSection(wfNode, "workflows") is { } wfMap)
        {
            workflows = ReadNamedList(wfMap, "workflows", "workflow", ReadWorkflow);
        }

        var actions = ImmutableArray<ActionSpec>.Empty;
        if (Get(root, "actions") is { } acNode && ExpectSection(acNode, "actions") is { } acMap)
        {
            actions = ReadNamedList(acMap, "actions", "action", ReadAction);
        }

        return new WorkflowDocument
        {
            Kind = DocumentKind.Workbook,
            Name = name,
            Description = Get(root, "description") is { } d ? ReadNonEmptyString(d, "description", "description") : null,
            Tags = Get(root, "tags") is { } t ? ReadStringList(t, "tags", "tags") : [],
            Workflows = workflows,
            Actions = actions,
            Definition = _text,
        };
    }

    private YamlMappingNode? ExpectSection(YamlNode node, string path)
    {
        if (node is YamlMappingNode map && map.Children.Keys.Any(k => KeyOf(k) != "version"))
        {
            CheckVersion(map, path, required: false);
            return map;
        }

        _bag.Add(node, path, $"'{path}' must be a mapping of one or more {path} by name, not {Describe(node)}");
        return null;
    }

    /// <summary>Reads every entry of a name → body mapping except <c>version</c>.</summary>
    private ImmutableArray<T> ReadNamedList<T>(
        YamlMappingNode map, string path, string what, Func<string, YamlNode, YamlNode, string, T?> read)
        where T : class
    {
        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var (key, value) in map.Children)
        {
            var name = KeyOf(key);
            if (name == "version")
            {
                continue;
            }

            var itemPath = YamlPaths.Key(path, name);
            if (name.Length == 0 || key is not YamlScalarNode)
            {
                _bag.Add(key, itemPath, $"a {what} name must be a non-empty string");
                continue;
            }

            if (read(name, key, value, itemPath) is { } item)
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>The text of one entry (its key line through the end of its body, dedented), for per-definition storage.</summary>
    private string Slice(YamlNode key, YamlNode value)
    {
        if (!_sliceDefinitions)
        {
            return _text;
        }

        var start = (int)Math.Clamp(key.Start.Index, 0, _text.Length);
        while (start > 0 && _text[start - 1] != '\n')
        {
            start--;
        }

        // A block collection's own end mark is not reliable, so take the furthest descendant and run to its line end
        // (which also takes in the closing bracket of a flow collection and a trailing comment).
        var end = (int)Math.Clamp(LastEnd(value), start, _text.Length);
        while (end < _text.Length && _text[end - 1] != '\n' && _text[end] != '\n')
        {
            end++;
        }

        // Workbook entries are indented; cut the key's indentation from every line, as Mistral's workbook parser does.
        var indent = (int)Math.Max(0, key.Start.Column - 1);
        if (indent == 0)
        {
            return _text[start..end].TrimEnd() + "\n";
        }

        var lines = _text[start..end].TrimEnd().Split('\n');
        return string.Join('\n', lines.Select(l => l[Math.Min(indent, l.Length - l.TrimStart(' ').Length)..])) + "\n";
    }

    private static long LastEnd(YamlNode node) => node switch
    {
        YamlMappingNode m when m.Children.Count > 0 => Math.Max(m.End.Index, m.Children.Max(e => Math.Max(LastEnd(e.Key), LastEnd(e.Value)))),
        YamlSequenceNode s when s.Children.Count > 0 => Math.Max(s.End.Index, s.Children.Max(LastEnd)),
        _ => node.End.Index,
    };
}
