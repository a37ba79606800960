using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests;

/// <summary>The limits given to <see cref="Expressions.CreateEvaluator"/> hold for YAQL as for Jinja.</summary>
public class EvaluatorLimitsTests
{
    private static ExpressionResult Eval(string text, ExpressionOptions options) =>
        Expressions.CreateEvaluator(options).Evaluate(text, new ExpressionContext(DictValue.Empty));

    [Theory]
    [InlineData("<% range(0, 100000).sum() %>")]
    [InlineData("{% for i in range(50000) %}{{ i }}{% endfor %}")]
    public void The_step_limit_applies_to_both_languages(string text) =>
        Assert.Equal("limit", Eval(text, new ExpressionOptions { MaxSteps = 1_000 }).Error!.Category);

    [Theory]
    [InlineData("<% 'ab' * 10000 %>")]
    [InlineData("{{ 'ab' * 10000 }}")]
    public void The_output_limit_applies_to_both_languages(string text) =>
        Assert.Equal("limit", Eval(text, new ExpressionOptions { MaxOutputLength = 1_000 }).Error!.Category);

    [Fact]
    public void The_depth_limit_applies_to_yaql() =>
        Assert.Equal("limit", Eval("<% def(f, f($)) -> f(1) %>", new ExpressionOptions { MaxDepth = 30 }).Error!.Category);

    [Fact]
    public void The_defaults_leave_the_same_yaql_expression_alone() =>
        Assert.Equal(Value.From(4_999_950_000L), Eval("<% range(0, 100000).sum() %>", new ExpressionOptions()).Value);
}
