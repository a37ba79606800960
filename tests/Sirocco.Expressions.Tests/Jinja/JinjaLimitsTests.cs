using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Jinja;

public class JinjaLimitsTests
{
    private static ExpressionResult Eval(string text, ExpressionOptions options) =>
        Expressions.CreateEvaluator(options).Evaluate(text, new ExpressionContext(DictValue.Empty));

    [Fact]
    public void Step_limit_stops_a_long_loop()
    {
        var result = Eval("{% for i in range(50000) %}{{ i }}{% endfor %}", new ExpressionOptions { MaxSteps = 10_000 });

        Assert.Equal("limit", result.Error!.Category);
        Assert.Contains("step limit (10000)", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_limit_leaves_ordinary_expressions_alone()
    {
        var result = Eval("{{ range(100) | map('string') | join(',') | length }}", new ExpressionOptions { MaxSteps = 10_000 });

        Assert.Equal(Value.From(289), result.Value);
    }

    [Fact]
    public void Depth_limit_stops_deep_nesting_at_parse_time()
    {
        var text = "{{ " + new string('(', 300) + "1" + new string(')', 300) + " }}";

        var result = Eval(text, new ExpressionOptions { MaxDepth = 50 });

        Assert.Equal("limit", result.Error!.Category);
        Assert.Contains("depth limit (50)", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_limit_stops_long_chains_at_run_time()
    {
        var text = "{{ 1" + string.Concat(Enumerable.Repeat(" + 1", 80)) + " }}";

        Assert.Equal("limit", Eval(text, new ExpressionOptions { MaxDepth = 50 }).Error!.Category);
        Assert.Equal(Value.From(81), Eval(text, new ExpressionOptions()).Value);
    }

    [Theory]
    [InlineData("{{ 'x' * 2000 }}")]
    [InlineData("{{ [1] * 2000 }}")]
    [InlineData("{{ 0 }}{% for i in range(300) %}abcdefgh{% endfor %}")]
    [InlineData("{{ range(500) | join(',') }}")]
    public void Output_limit_stops_large_results(string text)
    {
        var result = Eval(text, new ExpressionOptions { MaxOutputLength = 1000 });

        Assert.Equal("limit", result.Error!.Category);
        Assert.Contains("output size limit (1000)", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_range_cap_is_an_overflow_as_in_mistral()
    {
        Assert.Equal("overflow", Eval("{{ range(100001) | length }}", new ExpressionOptions()).Error!.Category);
    }

    [Fact]
    public void Huge_integer_powers_fail_instead_of_exhausting_memory()
    {
        Assert.Equal("overflow", Eval("{{ 10 ** 10000000 }}", new ExpressionOptions()).Error!.Category);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Expressions.CreateEvaluator(new ExpressionOptions { MaxSteps = 0 }));
    }
}
