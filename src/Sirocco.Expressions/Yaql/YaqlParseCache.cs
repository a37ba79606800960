using System.Collections.Concurrent;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql;

/// <summary>
/// Parsed expressions keyed by their text, failures included. Thread-safe; trees are immutable.
/// When full, the cache is emptied rather than tracking recency: workflow definitions use a bounded
/// set of expressions, so this only matters for abuse.
/// </summary>
internal sealed class YaqlParseCache(YaqlOptions options)
{
    private readonly ConcurrentDictionary<string, ParsedExpression> _entries = new(StringComparer.Ordinal);

    public ParsedExpression Get(string expression)
    {
        if (_entries.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        ParsedExpression parsed;
        try
        {
            parsed = new ParsedExpression(YaqlParser.Parse(expression, options.MaxDepth), null);
        }
        catch (YaqlException e)
        {
            parsed = new ParsedExpression(null, e);
        }

        if (_entries.Count >= options.MaxCachedExpressions)
        {
            _entries.Clear();
        }

        if (options.MaxCachedExpressions > 0)
        {
            _entries.TryAdd(expression, parsed);
        }

        return parsed;
    }
}
