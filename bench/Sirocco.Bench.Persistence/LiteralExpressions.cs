using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Bench.Persistence;

/// <summary>The benchmark's workflows have no expressions; values are taken literally.</summary>
internal sealed class LiteralExpressions : IExpressionEvaluator
{
    public ExpressionResult Evaluate(string text, ExpressionContext context) => ExpressionResult.Success(Value.From(text));

    public ExpressionResult EvaluateDeep(Value value, ExpressionContext context) => ExpressionResult.Success(value);

    public IReadOnlyList<ExpressionError> CheckSyntax(string text) => [];

    public bool ContainsExpression(string text) => false;
}
