using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    private static readonly string[] RetryKeys = ["count", "delay", "break-on", "continue-on"];

    private static readonly string[] TaskDefaultsKeys =
    [
        "retry", "wait-before", "wait-after", "timeout", "pause-before", "concurrency", "fail-on",
        "on-complete", "on-success", "on-error", "safe-rerun", "requires", "heartbeat-extends-timeout",
    ];

    private Policies ReadPolicies(YamlMappingNode map, string path)
    {
        Value? Count(string key) => Get(map, key) is { } n ? ReadExpressionOrCount(n, YamlPaths.Key(path, key), $"'{key}'") : null;
        Value? Flag(string key) => Get(map, key) is { } n ? ReadExpressionOrBool(n, YamlPaths.Key(path, key), $"'{key}'") : null;

        return new Policies(
            Get(map, "retry") is { } r ? ReadRetry(r, YamlPaths.Key(path, "retry")) : null,
            Count("wait-before"),
            Count("wait-after"),
            Count("timeout"),
            Flag("pause-before"),
            Count("concurrency"),
            Flag("fail-on"));
    }

    private TaskDefaultsSpec? ReadTaskDefaults(YamlNode node, string path, WorkflowType type, List<TaskReference> references)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            _bag.Add(node, path, $"'task-defaults' must be a non-empty mapping, not {Describe(node)}");
            return null;
        }

        CheckKeys(map, path, TaskDefaultsKeys, "task-defaults");
        var policies = ReadPolicies(map, path);
        return new TaskDefaultsSpec
        {
            Retry = policies.Retry,
            WaitBefore = policies.WaitBefore,
            WaitAfter = policies.WaitAfter,
            Timeout = policies.Timeout,
            PauseBefore = policies.PauseBefore,
            Concurrency = policies.Concurrency,
            FailOn = policies.FailOn,
            SafeRerun = Get(map, "safe-rerun") is { } sr ? ReadExpressionOrBool(sr, YamlPaths.Key(path, "safe-rerun"), "'safe-rerun'") : null,
            HeartbeatExtendsTimeout = ReadHeartbeatExtendsTimeout(map, path),
            OnSuccess = ReadOnClause(map, "on-success", path, WorkflowType.Direct, null, type == WorkflowType.Direct ? references : []),
            OnError = ReadOnClause(map, "on-error", path, WorkflowType.Direct, null, type == WorkflowType.Direct ? references : []),
            OnComplete = ReadOnClause(map, "on-complete", path, WorkflowType.Direct, null, type == WorkflowType.Direct ? references : []),
            Requires = ReadRequires(map, path, null, type == WorkflowType.Reverse ? references : []),
            Location = DiagnosticBag.At(node.Start),
        };
    }

    /// <summary>Sirocco's <c>heartbeat-extends-timeout</c> (not in Mistral): a bool or an expression.</summary>
    private Value? ReadHeartbeatExtendsTimeout(YamlMappingNode map, string path) =>
        Get(map, "heartbeat-extends-timeout") is { } node
            ? ReadExpressionOrBool(node, YamlPaths.Key(path, "heartbeat-extends-timeout"), "'heartbeat-extends-timeout'")
            : null;

    /// <summary>The mapping form, or Mistral's one-line form <c>count=3 delay=1 break-on=&lt;% ... %&gt;</c>.</summary>
    private RetrySpec? ReadRetry(YamlNode node, string path)
    {
        var location = DiagnosticBag.At(node.Start);
        if (node is YamlScalarNode scalar && ScalarResolver.Resolve(scalar) is StringValue line && line.Value.Length > 0)
        {
            var parsed = InlineParameters.ParseParams(line.Value, 0);
            if (parsed.Error is not null)
            {
                _bag.Add(OffsetInScalar(scalar, parsed.ErrorOffset), path, parsed.Error);
                return null;
            }

            return BuildRetry(parsed.Params, node, path, location);
        }

        if (node is not YamlMappingNode map)
        {
            _bag.Add(node, path, $"'retry' must be a mapping with 'count' and 'delay' or a line like 'count=3 delay=1', not {Describe(node)}");
            return null;
        }

        CheckKeys(map, path, RetryKeys, "retry");
        var count = Get(map, "count") is { } c ? ReadExpressionOrCount(c, YamlPaths.Key(path, "count"), "retry 'count'") : null;
        // Fractional delays are allowed: Mistral's one-line form reads 'delay=0.1' (as 0) and its tests use it.
        var delay = Get(map, "delay") is { } d ? ReadExpressionOrCount(d, YamlPaths.Key(path, "delay"), "retry 'delay'", allowFraction: true) : null;
        var breakOn = Get(map, "break-on") is { } b ? ReadExpression(b, YamlPaths.Key(path, "break-on"), "retry 'break-on'") : null;
        var continueOn = Get(map, "continue-on") is { } co ? ReadExpression(co, YamlPaths.Key(path, "continue-on"), "retry 'continue-on'") : null;
        foreach (var required in (string[])["count", "delay"])
        {
            if (Get(map, required) is null)
            {
                _bag.Add(node, path, $"'retry' is missing required key '{required}'");
            }
        }

        return count is null || delay is null
            ? null
            : new RetrySpec { Count = count, Delay = delay, BreakOn = breakOn, ContinueOn = continueOn, Location = location };
    }

    private RetrySpec? BuildRetry(DictValue parameters, YamlNode node, string path, SourceLocation location)
    {
        Value? count = null;
        Value? delay = null;
        string? breakOn = null;
        string? continueOn = null;
        var ok = true;
        foreach (var (k, v) in parameters)
        {
            var key = ((StringValue)k).Value;
            var isCount = (v is IntValue i && i.Value.Sign >= 0) || (key == "delay" && v is FloatValue { Value: >= 0 });
            var isExpression = v is StringValue s && ExpressionSyntax.IsWholeExpression(s.Value);
            switch (key)
            {
                case "count" when isCount || isExpression:
                    count = v;
                    break;
                case "delay" when isCount || isExpression:
                    delay = v;
                    break;
                case "break-on" when isExpression:
                    breakOn = ((StringValue)v).Value;
                    break;
                case "continue-on" when isExpression:
                    continueOn = ((StringValue)v).Value;
                    break;
                case "count" or "delay" or "break-on" or "continue-on":
                    _bag.Add(node, path, $"retry '{key}' has an invalid value {v.ToRepr()}");
                    ok = false;
                    break;
                default:
                    _bag.Add(node, path, $"unknown key '{key}' in retry");
                    ok = false;
                    break;
            }
        }

        CheckExpression(node, path, ((YamlScalarNode)node).Value);
        var missing = count is null && !parameters.ContainsKey(new StringValue("count")) ? "count"
            : delay is null && !parameters.ContainsKey(new StringValue("delay")) ? "delay"
            : null;
        if (missing is not null)
        {
            _bag.Add(node, path, $"'retry' is missing required key '{missing}'");
        }

        if (count is null || delay is null)
        {
            return null;
        }

        return ok ? new RetrySpec { Count = count, Delay = delay, BreakOn = breakOn, ContinueOn = continueOn, Location = location } : null;
    }

    private readonly record struct Policies(
        RetrySpec? Retry, Value? WaitBefore, Value? WaitAfter, Value? Timeout, Value? PauseBefore, Value? Concurrency, Value? FailOn);
}
