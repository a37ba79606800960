using Sirocco.Expressions.Values;

namespace Sirocco.Expressions;

/// <summary>
/// Evaluates the expression-bearing strings of a workflow definition (<c>&lt;% %&gt;</c> YAQL,
/// <c>{{ }}</c> Jinja2) against the workflow data. Parsed trees are cached; evaluation is thread-safe.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Evaluates one string value: exactly one expression yields its typed value, text with
    /// expressions yields a string, text without expressions is returned unchanged.
    /// </summary>
    ExpressionResult Evaluate(string text, ExpressionContext context);

    /// <summary>Evaluates every string inside <paramref name="value"/> (dict values, list items) recursively.</summary>
    ExpressionResult EvaluateDeep(Value value, ExpressionContext context);

    /// <summary>Syntax errors of every expression in <paramref name="text"/>; empty when all parse.</summary>
    IReadOnlyList<ExpressionError> CheckSyntax(string text);

    /// <summary>True when the string contains at least one YAQL or Jinja expression.</summary>
    bool ContainsExpression(string text);
}

/// <summary>The data and state an expression is evaluated against.</summary>
/// <param name="Data">The workflow data: <c>$</c> in YAQL, <c>_</c> in Jinja.</param>
/// <param name="Workflow">The execution state for <c>task()</c> and friends; null outside a workflow.</param>
public sealed record ExpressionContext(Value Data, IWorkflowState? Workflow = null);

/// <summary>The outcome of an evaluation: a value or an error, never both.</summary>
public readonly record struct ExpressionResult
{
    private ExpressionResult(Value? value, ExpressionError? error)
    {
        Value = value;
        Error = error;
    }

    public Value? Value { get; }

    public ExpressionError? Error { get; }

    public bool IsSuccess => Error is null;

    public static ExpressionResult Success(Value value) => new(value, null);

    public static ExpressionResult Failure(ExpressionError error) => new(null, error);
}

/// <summary>Why an expression failed; <see cref="Category"/> matches the conformance corpus' <c>error.category</c>.</summary>
public sealed record ExpressionError(string Expression, string Category, string Message, int? Position = null);
