using Sirocco.Engine.DataFlow;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Expression evaluation as the engine reports it: a failure reads as Mistral's
/// <c>Can not evaluate YAQL expression [expression=..., error=...]</c> (or <c>Jinja</c>), the text
/// authors and tools look for in <c>state_info</c>. Mistral appends the whole data context; we do not
/// (it can be large and may hold secrets).
/// </summary>
internal static class Evaluation
{
    /// <summary>Evaluates a string, building the scope only when the string holds an expression.</summary>
    public static ExpressionResult Evaluate(this Session session, string text, LazyScope scope) =>
        session.Context.Expressions.ContainsExpression(text)
            ? session.Context.Expressions.Evaluate(text, scope.Context)
            : ExpressionResult.Success(Value.From(text));

    /// <summary>Evaluates every string inside a value, building the scope only when one holds an expression.</summary>
    public static ExpressionResult EvaluateDeep(this Session session, Value value, LazyScope scope) =>
        HasExpression(session.Context.Expressions, value)
            ? session.Context.Expressions.EvaluateDeep(value, scope.Context)
            : ExpressionResult.Success(value);

    private static bool HasExpression(IExpressionEvaluator expressions, Value value) => value switch
    {
        StringValue s => expressions.ContainsExpression(s.Value),
        ListValue list => list.Any(v => HasExpression(expressions, v)),
        DictValue dict => dict.Values.Any(v => HasExpression(expressions, v)),
        _ => false,
    };

    public static string Describe(ExpressionError error) => Describe(error, error.Expression);

    public static string Describe(ExpressionError error, string source)
    {
        if (error.Message.StartsWith("Can not evaluate", StringComparison.Ordinal))
        {
            return error.Message;
        }

        var jinja = source.Contains("{{", StringComparison.Ordinal) || source.Contains("{%", StringComparison.Ordinal);
        var described = $"Can not evaluate {(jinja ? "Jinja" : "YAQL")} expression [expression={error.Expression}, error={error.Message}]";
        return LimitKey(error) is { } key ? $"{described} Change the limit with the configuration key {key}." : described;
    }

    /// <summary>The configuration key of the evaluation limit an error reports, or null for other errors.</summary>
    private static string? LimitKey(ExpressionError error)
    {
        if (error.Category != "limit")
        {
            return null;
        }

        var message = error.Message;
        return message.Contains("step", StringComparison.OrdinalIgnoreCase) ? "Limits:ExpressionMaxSteps"
            : message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? "Limits:ExpressionMaxDepth"
            : message.Contains("output size", StringComparison.OrdinalIgnoreCase) || message.Contains("larger than the limit", StringComparison.OrdinalIgnoreCase)
                ? "Limits:ExpressionMaxOutputLength"
            : null;
    }
}
