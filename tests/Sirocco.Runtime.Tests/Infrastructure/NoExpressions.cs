using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>
/// An evaluator for workflows without expressions: every value is taken literally. The runtime
/// tests are about durability, not data flow, so they do not depend on the YAQL and Jinja work.
/// </summary>
internal sealed class NoExpressions : IExpressionEvaluator
{
    public ExpressionResult Evaluate(string text, ExpressionContext context) => ExpressionResult.Success(Value.From(text));

    public ExpressionResult EvaluateDeep(Value value, ExpressionContext context) => ExpressionResult.Success(value);

    public IReadOnlyList<ExpressionError> CheckSyntax(string text) => [];

    public bool ContainsExpression(string text) => false;
}
