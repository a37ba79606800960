using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja2 as Mistral 15 runs it: a sandboxed environment with <c>StrictUndefined</c>, <c>trim_blocks</c> and
/// <c>lstrip_blocks</c>, Mistral's functions as globals and filters. Strings are recognised with Mistral's
/// own patterns (<c>{{.*?}}</c>, <c>{%.*?%}</c>, single-line), compiled once and cached.
/// </summary>
internal sealed partial class JinjaLanguage : IExpressionLanguage
{
    private readonly ExpressionOptions _options;
    private readonly ConcurrentDictionary<string, CompiledJinja> _cache = new(StringComparer.Ordinal);

    public JinjaLanguage(ExpressionOptions? options = null)
    {
        _options = options ?? new ExpressionOptions();
        _options.Validate();
    }

    [GeneratedRegex("{{(.*?)}}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex("{%(.*?)%}")]
    private static partial Regex BlockPattern();

    // Only strings that hold an expression enter the cache, so a cached string needs no regex.
    public bool Contains(string text) => _cache.ContainsKey(text) || HasExpression(text);

    private static bool HasExpression(string text) =>
        (text.Contains("{{", StringComparison.Ordinal) && VariablePattern().IsMatch(text))
        || (text.Contains("{%", StringComparison.Ordinal) && BlockPattern().IsMatch(text));

    public ExpressionResult Evaluate(string text, ExpressionContext context)
    {
        var compiled = Compile(text);
        try
        {
            return ExpressionResult.Success(compiled.Run(new Frame(context, _options)));
        }
        catch (JinjaException e)
        {
            return ExpressionResult.Failure(new ExpressionError(text, e.Category, e.Message, e.Position));
        }
        catch (InsufficientExecutionStackException)
        {
            return ExpressionResult.Failure(new ExpressionError(text, ErrorCategories.Limit, "Expression nesting is too deep."));
        }
    }

    public IReadOnlyList<ExpressionError> CheckSyntax(string text)
    {
        // Mistral validates the whole string as a template, whatever its shape.
        try
        {
            Parser.ParseTemplate(text, _options.MaxDepth);
            return [];
        }
        catch (JinjaException e)
        {
            return [new ExpressionError(text, e.Category, e.Message, e.Position)];
        }
    }

    private CompiledJinja Compile(string text)
    {
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var first = VariablePattern().Match(text);
        var compiled = CompiledJinja.Compile(
            text,
            first.Success ? new CompiledJinja.Match(first.Index, first.Length, first.Groups[1].Value) : null,
            _options.MaxDepth);
        if (_cache.Count >= _options.MaxCachedExpressions)
        {
            _cache.Clear();
        }

        if (_options.MaxCachedExpressions > 0 && HasExpression(text))
        {
            _cache.TryAdd(text, compiled);
        }

        return compiled;
    }
}
