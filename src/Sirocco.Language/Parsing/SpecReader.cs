using System.Collections.Immutable;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

/// <summary>
/// Walks the YAML representation model of one document and builds the spec model, recording a
/// diagnostic (with the node's line, column and key path) for every schema problem it meets.
/// Reading never stops at the first error. Split by concern: <c>SpecReader.*.cs</c>.
/// </summary>
internal sealed partial class SpecReader
{
    private readonly DiagnosticBag _bag;
    private readonly Func<string, IReadOnlyList<string>> _syntaxChecker;
    private readonly string _text;
    private readonly DefinitionLimits? _limits;

    private Dictionary<string, IReadOnlyList<string>>? _checked;

    // False when every definition's text will be the whole file, so cutting slices would be wasted work.
    private bool _sliceDefinitions = true;

    public SpecReader(string text, DiagnosticBag bag, Func<string, IReadOnlyList<string>> syntaxChecker, DefinitionLimits? limits = null)
    {
        _text = text;
        _limits = limits;
        _bag = bag;
        _syntaxChecker = syntaxChecker;
    }

    private static string KeyOf(YamlNode key) => key is YamlScalarNode s ? s.Value : "(complex key)";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode { Children.Count: 0 } => "an empty mapping",
        YamlMappingNode => "a mapping",
        YamlSequenceNode { Children.Count: 0 } => "an empty list",
        YamlSequenceNode => "a list",
        YamlScalarNode s => ScalarResolver.Resolve(s) switch
        {
            NullValue => "empty (null)",
            BoolValue => "a boolean",
            IntValue => "an integer",
            FloatValue => "a number",
            StringValue { Value.Length: 0 } => "an empty string",
            _ => "a string",
        },
        _ => "an unsupported node",
    };

    private YamlMappingNode? ExpectMapping(YamlNode node, string path, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        _bag.Add(node, path, $"{what} must be a mapping, not {Describe(node)}");
        return null;
    }

    /// <summary>Reports every key that is not in <paramref name="allowed"/>, suggesting the closest allowed key.</summary>
    private void CheckKeys(YamlMappingNode map, string path, IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var (key, _) in map.Children)
        {
            var name = KeyOf(key);
            if (!allowed.Contains(name))
            {
                var hint = KeySuggestions.Closest(name, allowed);
                _bag.Add(key, YamlPaths.Key(path, name),
                    hint is null ? $"unknown key '{name}' in {what}" : $"unknown key '{name}' in {what} (did you mean '{hint}'?)");
            }
        }
    }

    // A linear scan: spec mappings are small, and it spares allocating and hashing a key node per lookup.
    private static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, value) in map.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private string? ReadNonEmptyString(YamlNode node, string path, string what)
    {
        if (node is YamlScalarNode scalar && ScalarResolver.Resolve(scalar) is StringValue s && s.Value.Length > 0)
        {
            return s.Value;
        }

        _bag.Add(node, path, $"{what} must be a non-empty string, not {Describe(node)}");
        return null;
    }

    /// <summary>A list of unique non-empty strings (Mistral's <c>tags</c>).</summary>
    private ImmutableArray<string> ReadStringList(YamlNode node, string path, string what)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            _bag.Add(node, path, $"{what} must be a non-empty list of strings, not {Describe(node)}");
            return [];
        }

        return ReadUniqueStrings(list, path, what);
    }

    /// <summary>A string or a list of unique strings (<c>requires</c>).</summary>
    private ImmutableArray<string> ReadStringOrList(YamlNode node, string path, string what)
    {
        if (node is YamlSequenceNode list && list.Children.Count > 0)
        {
            return ReadUniqueStrings(list, path, what);
        }

        var single = node is YamlSequenceNode ? null : ReadNonEmptyString(node, path, what);
        if (node is YamlSequenceNode)
        {
            _bag.Add(node, path, $"{what} must be a string or a non-empty list of strings");
        }

        return single is null ? [] : [single];
    }

    private ImmutableArray<string> ReadUniqueStrings(YamlSequenceNode list, string path, string what)
    {
        var items = ImmutableArray.CreateBuilder<string>(list.Children.Count);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = YamlPaths.Index(path, i);
            var text = ReadNonEmptyString(item, itemPath, $"each item of {what}");
            if (text is null)
            {
                continue;
            }

            if (items.Contains(text))
            {
                _bag.Add(item, itemPath, $"duplicate item '{text}' in {what}");
                continue;
            }

            items.Add(text);
        }

        return items.ToImmutable();
    }

    /// <summary>A non-empty mapping read as a dict (Mistral's NONEMPTY_DICT), expressions inside checked.</summary>
    private DictValue? ReadDict(YamlNode node, string path, string what)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            _bag.Add(node, path, $"{what} must be a non-empty mapping, not {Describe(node)}");
            return null;
        }

        CheckExpressions(map, path);
        return NodeValues.ToDict(map);
    }

    /// <summary>An expression or a non-negative integer (<c>wait-before</c>, <c>timeout</c>, <c>concurrency</c>, retry <c>count</c>...).</summary>
    private Value? ReadExpressionOrCount(YamlNode node, string path, string what, bool allowFraction = false)
    {
        var value = node is YamlScalarNode scalar ? ScalarResolver.Resolve(scalar) : null;
        switch (value)
        {
            case IntValue i when i.Value.Sign >= 0:
                return value;
            case FloatValue f when allowFraction && f.Value >= 0 && double.IsFinite(f.Value):
                return value;
            case StringValue s when ExpressionSyntax.IsWholeExpression(s.Value):
                CheckExpression(node, path, s.Value);
                return value;
            default:
                _bag.Add(node, path, $"{what} must be a non-negative integer or an expression, not {DescribeValue(node, value)}");
                return null;
        }
    }

    /// <summary>An expression or a boolean (<c>pause-before</c>, <c>fail-on</c>, <c>keep-result</c>, <c>safe-rerun</c>).</summary>
    private Value? ReadExpressionOrBool(YamlNode node, string path, string what)
    {
        var value = node is YamlScalarNode scalar ? ScalarResolver.Resolve(scalar) : null;
        switch (value)
        {
            case BoolValue:
                return value;
            case StringValue s when ExpressionSyntax.IsWholeExpression(s.Value):
                CheckExpression(node, path, s.Value);
                return value;
            default:
                _bag.Add(node, path, $"{what} must be true, false or an expression, not {DescribeValue(node, value)}");
                return null;
        }
    }

    /// <summary>A string that must be one whole expression (conditions, <c>break-on</c>, <c>continue-on</c>).</summary>
    private string? ReadExpression(YamlNode node, string path, string what)
    {
        if (node is YamlScalarNode scalar && ScalarResolver.Resolve(scalar) is StringValue s && ExpressionSyntax.IsWholeExpression(s.Value))
        {
            CheckExpression(node, path, s.Value);
            return s.Value;
        }

        _bag.Add(node, path, $"{what} must be an expression (<% ... %> or {{{{ ... }}}}), not {Describe(node)}");
        return null;
    }

    private static string DescribeValue(YamlNode node, Value? value) => value switch
    {
        IntValue i => i.Value.Sign < 0 ? "a negative integer" : "an integer",
        FloatValue f => $"the number {f.ToText()}",
        StringValue s => $"'{s.Value}'",
        _ => Describe(node),
    };

    /// <summary>Checks the syntax of every expression in every string under <paramref name="node"/>.</summary>
    private void CheckExpressions(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode { Value: var text } when ExpressionSyntax.MayHoldExpression(text):
                CheckExpression(node, path, text);
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    if (NeedsCheck(list.Children[i]))
                    {
                        CheckExpressions(list.Children[i], YamlPaths.Index(path, i));
                    }
                }

                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (NeedsCheck(value))
                    {
                        CheckExpressions(value, YamlPaths.Key(path, KeyOf(key)));
                    }
                }

                break;
        }
    }

    // Paths are built only for nodes that may hold an expression: most values are plain and need none.
    private static bool NeedsCheck(YamlNode node) =>
        node is not YamlScalarNode scalar || ExpressionSyntax.MayHoldExpression(scalar.Value);

    private void CheckExpression(YamlNode node, string path, string text)
    {
        if (!ExpressionSyntax.MayHoldExpression(text))
        {
            return;
        }

        // Definitions repeat the same expressions (the same condition on many transitions), so each distinct text is
        // checked once per parse.
        _checked ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!_checked.TryGetValue(text, out var errors))
        {
            errors = _syntaxChecker(text);
            _checked.Add(text, errors);
        }

        foreach (var error in errors)
        {
            _bag.Add(node, path, $"invalid expression: {error}");
        }
    }
}
