using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Library;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql;

/// <summary>
/// YAQL inside <c>&lt;% %&gt;</c>, as Mistral runs it: every single-line <c>&lt;%.*?%&gt;</c> is an expression;
/// a string that is exactly one expression yields its typed value, otherwise each expression is replaced
/// by the Python <c>str()</c> of its value. Parsed trees are cached and shared; each evaluation gets fresh state.
/// </summary>
internal sealed partial class YaqlLanguage : IExpressionLanguage
{
    private readonly YaqlOptions _options;
    private readonly YaqlParseCache _cache;
    private readonly FunctionRegistry _library = FunctionRegistry.Standard;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Match, string Expression)[]> _segments = new(StringComparer.Ordinal);

    public YaqlLanguage(YaqlOptions? options = null)
    {
        _options = options ?? YaqlOptions.Default;
        _options.Validate();
        _cache = new YaqlParseCache(_options);
    }

    public bool Contains(string text) => text.Contains("<%", StringComparison.Ordinal) && InlinePattern().IsMatch(text);

    public ExpressionResult Evaluate(string text, ExpressionContext context)
    {
        var matches = Segments(text);
        if (matches.Length == 0)
        {
            return ExpressionResult.Success(Value.From(text));
        }

        var result = text;
        foreach (var (match, expression) in matches)
        {
            var outcome = EvaluateExpression(expression, context, out var state);
            if (outcome.Error is { } error)
            {
                return ExpressionResult.Failure(error);
            }

            try
            {
                if (matches.Length == 1 && match.Length == text.Length)
                {
                    return ExpressionResult.Success(YaqlOutput.ToStored(outcome.Value!, state!));
                }

                // Mistral replaces every occurrence of the expression text in the string built so far.
                result = result.Replace(match, PythonText.Str(YaqlOutput.ToRenderable(outcome.Value!, state!)), StringComparison.Ordinal);
            }
            catch (YaqlException e)
            {
                return ExpressionResult.Failure(new ExpressionError(expression, e.Category, e.Message, e.Position));
            }
            catch (Exception e) when (Unexpected(e) is { } category)
            {
                return ExpressionResult.Failure(new ExpressionError(expression, category, e.Message));
            }
        }

        return ExpressionResult.Success(new StringValue(result));
    }

    public IReadOnlyList<ExpressionError> CheckSyntax(string text)
    {
        var errors = new List<ExpressionError>();
        foreach (Match match in InlinePattern().Matches(text))
        {
            var expression = Inner(match.Value);
            if (_cache.Get(expression).Error is { } error)
            {
                errors.Add(new ExpressionError(expression, error.Category, error.Message, error.Position));
            }
        }

        return errors;
    }

    /// <summary>Evaluates one bare expression (no delimiters) to its internal value.</summary>
    internal (Value? Value, ExpressionError? Error) EvaluateExpression(string expression, ExpressionContext context, out EvalContext? state)
    {
        state = null;
        var parsed = _cache.Get(expression);
        if (parsed.Error is { } syntax)
        {
            return (null, new ExpressionError(expression, syntax.Category, syntax.Message, syntax.Position));
        }

        state = new EvalContext(_options, _library, context.Workflow);
        var scope = new Scope(null, context.Data) { RootData = context.Data as DictValue };

        try
        {
            return (parsed.Node!.Evaluate(state, scope), null);
        }
        catch (YaqlException e)
        {
            return (null, new ExpressionError(expression, e.Category, e.Message, e.Position));
        }
        catch (RegexMatchTimeoutException)
        {
            return (null, new ExpressionError(expression, "limit", "Regular expression took too long"));
        }
        catch (InsufficientExecutionStackException)
        {
            return (null, new ExpressionError(expression, "limit", "Expression nested too deeply"));
        }
        catch (Exception e) when (Unexpected(e) is { } category)
        {
            return (null, new ExpressionError(expression, category, e.Message));
        }
    }

    /// <summary>The <c>&lt;% %&gt;</c> occurrences of a string, remembered per string (templates repeat).</summary>
    private (string Match, string Expression)[] Segments(string text)
    {
        if (_segments.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var found = InlinePattern().Matches(text).Select(m => (m.Value, Inner(m.Value))).ToArray();
        if (_segments.Count >= _options.MaxCachedExpressions)
        {
            _segments.Clear();
        }

        _segments.TryAdd(text, found);
        return found;
    }

    /// <summary>
    /// .NET failures that can surface from values no reference limit anticipated (dates or numbers out of
    /// range): they fail the expression, as the Python errors would, instead of the caller. Lazy results
    /// are read during output conversion, so the same applies there.
    /// </summary>
    private static string? Unexpected(Exception e) => e switch
    {
        YaqlException y => y.Category,
        RegexMatchTimeoutException => "limit",
        InsufficientExecutionStackException => "limit",
        OverflowException => "overflow",
        ArgumentException or FormatException => "value_error",
        InvalidOperationException or InvalidCastException => "type_error",
        _ => null,
    };

    /// <summary>Mistral strips the delimiter characters from both ends (<c>strip("&lt;%&gt;")</c>), then whitespace.</summary>
    private static string Inner(string match) => match.Trim('<', '%', '>').Trim();

    [GeneratedRegex("<%.*?%>")]
    private static partial Regex InlinePattern();
}
