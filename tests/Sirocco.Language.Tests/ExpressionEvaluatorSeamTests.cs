using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Tests;

public sealed class ExpressionEvaluatorSeamTests
{
    [Fact]
    public void ForEvaluator_reports_the_evaluators_syntax_errors_after_the_balance_check()
    {
        const string yaml = """
            version: '2.0'
            wf:
              tasks:
                t1:
                  publish:
                    a: <% $.a + %>
                    b: <% $.b
            """;

        var result = WorkflowParser.Parse(yaml, ParseOptions.ForEvaluator(new FakeEvaluator()));

        Assert.Equal(
            [
                "6:12 wf.tasks.t1.publish.a: invalid expression: dangling '+'",
                "7:12 wf.tasks.t1.publish.b: invalid expression: '<%' at offset 0 is not closed with '%>'",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    private sealed class FakeEvaluator : IExpressionEvaluator
    {
        public IReadOnlyList<ExpressionError> CheckSyntax(string text) =>
            text.Contains("+ %>", StringComparison.Ordinal) ? [new ExpressionError(text, "syntax", "dangling '+'")] : [];

        public bool ContainsExpression(string text) => throw new NotSupportedException();

        public ExpressionResult Evaluate(string text, ExpressionContext context) => throw new NotSupportedException();

        public ExpressionResult EvaluateDeep(Value value, ExpressionContext context) => throw new NotSupportedException();
    }
}
