using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Fuzz.Tests;

/// <summary>Expression inputs that crashed or hung the process before; each now ends in a limit error.</summary>
public sealed class ExpressionRegressionTests
{
    private static readonly IExpressionEvaluator Evaluator = Expressions.Expressions.CreateEvaluator();

    [Fact]
    public void Yaml_parse_of_an_alias_bomb_stops_at_the_output_limit()
    {
        var levels = string.Join("\\n", Enumerable.Range(0, 9).Select(i =>
            i == 0 ? "l0: &l0 [x,x,x,x,x,x,x,x,x]" : $"l{i}: &l{i} [{string.Join(',', Enumerable.Repeat($"*l{i - 1}", 9))}]"));

        var result = Evaluator.Evaluate("{{ yaml_parse(\"" + levels + "\") | length }}", new ExpressionContext(Value.Null));

        Assert.False(result.IsSuccess);
        Assert.Contains("output size limit", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_parse_of_a_deep_document_is_a_depth_error_not_a_stack_overflow()
    {
        var result = Evaluator.Evaluate("{{ yaml_parse(\"" + string.Concat(Enumerable.Repeat("- ", 20_000)) + "x\") }}", new ExpressionContext(Value.Null));

        Assert.False(result.IsSuccess);
        Assert.Contains("depth limit", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_parse_with_aliases_within_the_limits_still_works()
    {
        var result = Evaluator.Evaluate("{{ yaml_parse(\"a: &a [1, 2]\\nb: *a\")['b'] | length }}", new ExpressionContext(Value.Null));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(Value.From(2), result.Value);
    }

    [Theory]
    [InlineData("{{ '%0511111111111111111111.9f' | format(3.14159) }}", "width too big")]
    [InlineData("{{ '%*581f' | format(3.14159) }}", "* wants int")]
    [InlineData("{{ '{a[M-.3)}'.format(a=1) }}", "Missing ']'")]
    [InlineData("{{ '{a[99999999999999999999]}'.format(a=[1]) }}", "Too many decimal digits")]
    public void Format_strings_found_by_fuzzing_are_python_errors(string template, string message)
    {
        var result = Evaluator.Evaluate(template, new ExpressionContext(Value.Null));

        Assert.False(result.IsSuccess);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
    }
}
