using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    private static readonly string[] AdvancedClauseKeys = ["publish", "next"];

    private static readonly string[] PublishKeys = ["branch", "global", "atomic"];

    /// <summary>
    /// Reads <c>on-success</c>/<c>on-error</c>/<c>on-complete</c> in every form Mistral accepts: a name, a list of
    /// names and <c>name: condition</c> entries, one <c>name: condition</c> mapping, or <c>publish</c> + <c>next</c>.
    /// </summary>
    private OnClauseSpec? ReadOnClause(
        YamlMappingNode map, string key, string path, WorkflowType type, string? taskName, List<TaskReference> references)
    {
        if (type != WorkflowType.Direct || Get(map, key) is not { } node)
        {
            return null;
        }

        var clausePath = YamlPaths.Key(path, key);
        var location = DiagnosticBag.At(node.Start);
        if (node is YamlMappingNode clause && clause.Children.Keys.Any(k => AdvancedClauseKeys.Contains(KeyOf(k))))
        {
            CheckKeys(clause, clausePath, AdvancedClauseKeys, $"'{key}'");
            var publish = Get(clause, "publish") is { } p ? ReadPublish(p, YamlPaths.Key(clausePath, "publish")) : null;
            var next = Get(clause, "next") is { } n
                ? ReadNext(n, YamlPaths.Key(clausePath, "next"), "'next'", taskName, references)
                : [];
            return new OnClauseSpec { Next = next, Publish = publish, IsAdvancedForm = true, Location = location };
        }

        return new OnClauseSpec { Next = ReadNext(node, clausePath, $"'{key}'", taskName, references), Location = location };
    }

    private ImmutableArray<TransitionSpec> ReadNext(
        YamlNode node, string path, string what, string? taskName, List<TaskReference> references)
    {
        var result = ImmutableArray.CreateBuilder<TransitionSpec>();
        switch (node)
        {
            case YamlSequenceNode list when list.Children.Count > 0:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var item = list.Children[i];
                    var itemPath = YamlPaths.Index(path, i);
                    if (ReadTransition(item, itemPath, taskName, references) is not { } transition)
                    {
                        continue;
                    }

                    if (result.Any(t => t.Target == transition.Target && t.Condition == transition.Condition && t.Params.Equals(transition.Params)))
                    {
                        _bag.Add(item, itemPath, $"duplicate transition to '{transition.Target}'");
                        continue;
                    }

                    result.Add(transition);
                }

                break;
            case YamlScalarNode or YamlMappingNode:
                if (ReadTransition(node, path, taskName, references) is { } single)
                {
                    result.Add(single);
                }

                break;
            default:
                _bag.Add(node, path, $"{what} must be a task name, a 'name: condition' entry or a non-empty list of them, not {Describe(node)}");
                break;
        }

        return result.ToImmutable();
    }

    private TransitionSpec? ReadTransition(YamlNode node, string path, string? taskName, List<TaskReference> references)
    {
        YamlNode nameNode;
        string? condition = null;
        if (node is YamlMappingNode entry)
        {
            if (entry.Children.Count != 1)
            {
                _bag.Add(node, path, "a conditional transition must be a mapping with exactly one 'name: condition' entry");
                return null;
            }

            var (k, v) = entry.Children.First();
            nameNode = k;
            condition = ReadExpression(v, path, "a transition condition");
            if (condition is null)
            {
                return null;
            }
        }
        else
        {
            nameNode = node;
        }

        if (nameNode is not YamlScalarNode scalar || ScalarResolver.Resolve(scalar) is not StringValue { Value.Length: > 0 } text)
        {
            _bag.Add(nameNode, path, $"a transition must name a task or an engine command, not {Describe(nameNode)}");
            return null;
        }

        var call = FunctionForm().Match(text.Value);
        var parsed = call.Success
            ? InlineParameters.ParseParams(call.Groups["args"].Value, 0) with { Name = call.Groups["name"].Value }
            : InlineParameters.ParseCommand(text.Value);
        if (parsed.Error is not null)
        {
            var offset = parsed.ErrorOffset + (call.Success ? call.Groups["args"].Index : 0);
            _bag.Add(OffsetInScalar(scalar, offset), path, parsed.Error);
            return null;
        }

        CheckExpression(nameNode, path, text.Value);
        var kind = parsed.Name switch
        {
            "noop" => TransitionKind.Noop,
            "fail" => TransitionKind.Fail,
            "succeed" => TransitionKind.Succeed,
            "pause" => TransitionKind.Pause,
            _ => TransitionKind.Task,
        };
        if (kind == TransitionKind.Task)
        {
            references.Add(new TaskReference(taskName, parsed.Name, nameNode, path, IsRequires: false));
        }

        return new TransitionSpec(parsed.Name, kind, condition, parsed.Params, DiagnosticBag.At(node.Start));
    }

    private PublishSpec? ReadPublish(YamlNode node, string path)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            _bag.Add(node, path, $"'publish' must be a mapping with 'branch', 'global' and/or 'atomic', not {Describe(node)}");
            return null;
        }

        CheckKeys(map, path, PublishKeys, "'publish'");
        return new PublishSpec
        {
            Branch = ReadOptionalDict(map, "branch", path),
            Global = ReadOptionalDict(map, "global", path),
            Atomic = ReadOptionalDict(map, "atomic", path),
            Location = DiagnosticBag.At(node.Start),
        };
    }

    // Mistral's function-call form of a transition: fail(msg="boom").
    [GeneratedRegex(@"^(?<name>\w+)\((?<args>.*)\)$", RegexOptions.Singleline)]
    private static partial Regex FunctionForm();
}
