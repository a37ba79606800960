using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;
using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    // Mistral limits task names to 255 characters (they become parts of database keys).
    private const int MaxTaskNameLength = 255;

    private static readonly string[] CommonTaskKeys =
    [
        "description", "tags", "action", "workflow", "input", "with-items", "publish", "publish-on-error",
        "retry", "wait-before", "wait-after", "timeout", "pause-before", "concurrency", "fail-on", "target",
        "keep-result", "safe-rerun", "heartbeat-extends-timeout",
    ];

    private static readonly string[] DirectOnlyKeys = ["join", "on-success", "on-error", "on-complete"];

    private static readonly string[] ReverseOnlyKeys = ["requires"];

    // Mistral's task schema also admits 'name', 'version' and 'type', which it overwrites from the context; tolerated, ignored.
    private static readonly string[] IgnoredTaskKeys = ["name", "version", "type"];

    private static readonly string[] AllTaskKeys = [.. CommonTaskKeys, .. DirectOnlyKeys, .. ReverseOnlyKeys, .. IgnoredTaskKeys];

    private TaskSpec? ReadTask(string name, YamlNode key, YamlNode node, string path, WorkflowType type, List<TaskReference> references)
    {
        if (name.Length > MaxTaskNameLength)
        {
            _bag.Add(key, path, $"a task name must not exceed {MaxTaskNameLength} characters");
        }

        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            _bag.Add(node, path, $"task '{name}' must be a non-empty mapping, not {Describe(node)}");
            return null;
        }

        CheckKeys(map, path, AllTaskKeys, "a task");
        CheckWorkflowTypeKeys(map, path, type);

        var actionNode = Get(map, "action");
        var workflowNode = Get(map, "workflow");
        if (actionNode is not null && workflowNode is not null)
        {
            _bag.Add(workflowNode, YamlPaths.Key(path, "workflow"), "a task cannot have both 'action' and 'workflow'");
        }

        var inline = DictValue.Empty;
        string? action = null;
        string? workflow = null;
        if (actionNode is not null)
        {
            (action, inline) = ReadCommand(actionNode, YamlPaths.Key(path, "action"), "'action'");
        }
        else if (workflowNode is not null)
        {
            (workflow, inline) = ReadCommand(workflowNode, YamlPaths.Key(path, "workflow"), "'workflow'");
        }
        else
        {
            action = "std.noop";
        }

        var policies = ReadPolicies(map, path);
        return new TaskSpec
        {
            Name = name,
            Description = Get(map, "description") is { } d ? ReadNonEmptyString(d, YamlPaths.Key(path, "description"), "description") : null,
            Tags = Get(map, "tags") is { } t ? ReadStringList(t, YamlPaths.Key(path, "tags"), "tags") : [],
            Action = action,
            Workflow = workflow,
            Input = ReadTaskInput(map, path, inline),
            WithItems = Get(map, "with-items") is { } w ? ReadWithItems(w, YamlPaths.Key(path, "with-items")) : [],
            Retry = policies.Retry,
            WaitBefore = policies.WaitBefore,
            WaitAfter = policies.WaitAfter,
            Timeout = policies.Timeout,
            PauseBefore = policies.PauseBefore,
            Concurrency = policies.Concurrency,
            FailOn = policies.FailOn,
            KeepResult = Get(map, "keep-result") is { } kr ? ReadExpressionOrBool(kr, YamlPaths.Key(path, "keep-result"), "'keep-result'") : null,
            SafeRerun = Get(map, "safe-rerun") is { } sr ? ReadExpressionOrBool(sr, YamlPaths.Key(path, "safe-rerun"), "'safe-rerun'") : null,
            HeartbeatExtendsTimeout = ReadHeartbeatExtendsTimeout(map, path),
            Target = Get(map, "target") is { } tg ? ReadTarget(tg, YamlPaths.Key(path, "target")) : null,
            Publish = ReadOptionalDict(map, "publish", path),
            PublishOnError = ReadOptionalDict(map, "publish-on-error", path),
            Join = type == WorkflowType.Direct && Get(map, "join") is { } j ? ReadJoin(j, YamlPaths.Key(path, "join")) : null,
            Requires = type == WorkflowType.Reverse ? ReadRequires(map, path, name, references) : [],
            OnSuccess = ReadOnClause(map, "on-success", path, type, name, references),
            OnError = ReadOnClause(map, "on-error", path, type, name, references),
            OnComplete = ReadOnClause(map, "on-complete", path, type, name, references),
            Location = DiagnosticBag.At(key.Start),
        };
    }

    private void CheckWorkflowTypeKeys(YamlMappingNode map, string path, WorkflowType type)
    {
        var (wrong, only) = type == WorkflowType.Direct ? (ReverseOnlyKeys, "reverse") : (DirectOnlyKeys, "direct");
        foreach (var (key, _) in map.Children)
        {
            var name = KeyOf(key);
            if (wrong.Contains(name))
            {
                _bag.Add(key, YamlPaths.Key(path, name), $"'{name}' is only allowed in {only} workflows");
            }
        }
    }

    /// <summary>Reads <c>name k=v ...</c> of <c>action</c>, <c>workflow</c> or <c>base</c>.</summary>
    private (string? Name, DictValue Params) ReadCommand(YamlNode node, string path, string what)
    {
        if (ReadNonEmptyString(node, path, what) is not { } text)
        {
            return (null, DictValue.Empty);
        }

        var parsed = InlineParameters.ParseCommand(text);
        if (parsed.Error is not null)
        {
            _bag.Add(OffsetInScalar((YamlScalarNode)node, parsed.ErrorOffset), path, parsed.Error);
            return (null, DictValue.Empty);
        }

        CheckExpression(node, path, text);
        return (parsed.Name, parsed.Params);
    }

    /// <summary>The position of a character of a one-line plain or quoted scalar; the scalar's start otherwise.</summary>
    private static SourceLocation OffsetInScalar(YamlScalarNode node, int offset)
    {
        var start = DiagnosticBag.At(node.Start);
        return node.Style switch
        {
            ScalarStyle.Plain when node.Start.Line == node.End.Line => start with { Column = start.Column + offset },
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when node.Start.Line == node.End.Line &&
                !node.Value.Contains('\'', StringComparison.Ordinal) &&
                !node.Value.Contains('\\', StringComparison.Ordinal) => start with { Column = start.Column + 1 + offset },
            _ => start,
        };
    }

    private Value ReadTaskInput(YamlMappingNode map, string path, DictValue inline)
    {
        if (Get(map, "input") is not { } node)
        {
            return inline;
        }

        var inputPath = YamlPaths.Key(path, "input");
        if (node is YamlScalarNode scalar && ScalarResolver.Resolve(scalar) is StringValue s && s.Value.Length > 0)
        {
            CheckExpression(node, inputPath, s.Value);
            if (inline.Count > 0)
            {
                _bag.Add(node, inputPath, "an expression 'input' cannot be combined with inline parameters");
            }

            return s;
        }

        if (node is YamlMappingNode)
        {
            // Inline parameters win over the input mapping, as in Mistral (merge_dicts overwrites).
            return ReadDict(node, inputPath, "'input'") is { } dict ? dict.Merge(inline) : inline;
        }

        _bag.Add(node, inputPath, $"'input' must be a non-empty mapping or an expression, not {Describe(node)}");
        return inline;
    }

    private ImmutableArray<WithItemsEntry> ReadWithItems(YamlNode node, string path)
    {
        var entries = new List<(YamlNode Node, string Path)>();
        if (node is YamlSequenceNode list && list.Children.Count > 0)
        {
            entries.AddRange(list.Children.Select((c, i) => (c, YamlPaths.Index(path, i))));
        }
        else if (node is YamlScalarNode)
        {
            entries.Add((node, path));
        }
        else
        {
            _bag.Add(node, path, $"'with-items' must be a string or a non-empty list of strings, not {Describe(node)}");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<WithItemsEntry>();
        foreach (var (entryNode, entryPath) in entries)
        {
            if (ReadNonEmptyString(entryNode, entryPath, "a 'with-items' entry") is not { } text)
            {
                continue;
            }

            var match = WithItemsPattern().Match(text);
            if (!match.Success)
            {
                _bag.Add(entryNode, entryPath, $"'with-items' entry '{text}' must read 'x in <% $.list %>' or 'x in [1, 2]'");
                continue;
            }

            var variable = match.Groups["var"].Value;
            var source = match.Groups["src"].Value.Trim();
            Value items;
            if (source.StartsWith('['))
            {
                try
                {
                    items = JsonValues.Parse(source);
                }
                catch (System.Text.Json.JsonException)
                {
                    _bag.Add(entryNode, entryPath, $"'with-items' list {source} is not a valid JSON list");
                    continue;
                }
            }
            else if (ExpressionSyntax.IsWholeExpression(source))
            {
                // The whole entry, so an offset in a message counts from the start of what the author wrote.
                CheckExpression(entryNode, entryPath, text);
                items = new StringValue(source);
            }
            else
            {
                _bag.Add(entryNode, entryPath, $"'with-items' entry '{text}' must read 'x in <% $.list %>' or 'x in [1, 2]'");
                continue;
            }

            if (result.Any(e => e.Variable == variable))
            {
                _bag.Add(entryNode, entryPath, $"duplicate 'with-items' variable '{variable}'");
                continue;
            }

            result.Add(new WithItemsEntry(variable, items, DiagnosticBag.At(entryNode.Start)));
        }

        return result.ToImmutable();
    }

    private Value? ReadTarget(YamlNode node, string path)
    {
        if (ReadNonEmptyString(node, path, "'target'") is not { } text)
        {
            return null;
        }

        CheckExpression(node, path, text);
        return new StringValue(text);
    }

    private JoinSpec? ReadJoin(YamlNode node, string path)
    {
        var value = node is YamlScalarNode s ? ScalarResolver.Resolve(s) : null;
        var location = DiagnosticBag.At(node.Start);
        switch (value)
        {
            case StringValue { Value: "all" }:
                return JoinSpec.All with { Location = location };
            case StringValue { Value: "one" }:
                return new JoinSpec(1) { Location = location };
            case IntValue i when i.Value.Sign >= 0 && i.Value <= int.MaxValue:
                return new JoinSpec((int)i.Value) { Location = location };
            default:
                _bag.Add(node, path, $"'join' must be 'all', 'one' or a non-negative integer, not {DescribeValue(node, value)}");
                return null;
        }
    }

    private ImmutableArray<string> ReadRequires(YamlMappingNode map, string path, string? taskName, List<TaskReference> references)
    {
        if (Get(map, "requires") is not { } node)
        {
            return [];
        }

        var requiresPath = YamlPaths.Key(path, "requires");
        var names = ReadStringOrList(node, requiresPath, "'requires'");
        foreach (var name in names)
        {
            // Point each reference at its own list item (names are unique once read).
            var index = node is YamlSequenceNode list ? list.Children.ToList().FindIndex(c => c is YamlScalarNode s && s.Value == name) : -1;
            var (itemNode, itemPath) = index >= 0
                ? (((YamlSequenceNode)node).Children[index], YamlPaths.Index(requiresPath, index))
                : (node, requiresPath);
            references.Add(new TaskReference(taskName, name, itemNode, itemPath, IsRequires: true));
        }

        return names;
    }

    // Mistral's with-items pattern: a variable, 'in', then a [list] or an expression.
    [GeneratedRegex(@"^\s*(?<var>[\w\-]+)\s+in\s+(?<src>.+?)\s*$", RegexOptions.Singleline)]
    private static partial Regex WithItemsPattern();
}
