using Sirocco.Expressions.Jinja;

namespace Sirocco.Expressions;

/// <summary>Entry point of the expression layer: builds the evaluator the engine, the API and the CLI use.</summary>
public static class Expressions
{
    /// <summary>An evaluator for YAQL and Jinja2 strings with the given limits (defaults when null). Thread-safe; keep one.</summary>
    public static IExpressionEvaluator CreateEvaluator(ExpressionOptions? options = null)
    {
        options ??= new ExpressionOptions();
        options.Validate();
        // Both languages get the same limits: YAQL used to run with its own defaults whatever was asked.
        var yaql = new Yaql.YaqlOptions
        {
            MaxSteps = options.MaxSteps,
            MaxDepth = options.MaxDepth,
            MaxOutputSize = options.MaxOutputLength,
            MaxCachedExpressions = options.MaxCachedExpressions,
        };
        return new ExpressionEvaluator(new Yaql.YaqlLanguage(yaql), new JinjaLanguage(options));
    }
}
