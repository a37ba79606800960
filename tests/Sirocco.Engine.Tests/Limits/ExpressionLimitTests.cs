using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions;

namespace Sirocco.Engine.Tests.Limits;

/// <summary>An expression that hits an evaluation limit fails its task (not the engine), and the message says which key changes it.</summary>
public class ExpressionLimitTests
{
    private static EngineHarness Harness(string expression) => new($$"""
        version: '2.0'
        wf:
          tasks:
            first:
              action: std.echo output=1
              publish:
                kept: <% task().result %>
              on-success: [heavy]
            heavy:
              action: std.noop
              publish:
                x: "{{expression}}"
        """, Expressions.Expressions.CreateEvaluator(new ExpressionOptions { MaxSteps = 1_000, MaxDepth = 40, MaxOutputLength = 1_000 }));

    [Theory]
    [InlineData("<% range(0, 100000).sum() %>", "Limits:ExpressionMaxSteps")]
    [InlineData("{{ 'ab' * 10000 }}", "Limits:ExpressionMaxOutputLength")]
    [InlineData("<% 'ab' * 100000 %>", "Limits:ExpressionMaxOutputLength")]
    [InlineData("<% def(f, f($)) -> f(1) %>", "Limits:ExpressionMaxDepth")]
    public void A_runaway_expression_fails_its_task_with_a_message_naming_the_limit(string expression, string key)
    {
        var harness = Harness(expression);

        harness.Start();

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        var heavy = harness.Tasks().Single(t => t.Name == "heavy");
        Assert.Equal(ExecutionState.Error, heavy.State);
        Assert.StartsWith("Can not evaluate ", heavy.StateInfo, StringComparison.Ordinal);
        Assert.EndsWith($"Change the limit with the configuration key {key}.", heavy.StateInfo, StringComparison.Ordinal);
        // What came before is untouched.
        var first = harness.Tasks().Single(t => t.Name == "first");
        Assert.Equal(ExecutionState.Success, first.State);
        Assert.Equal("1", first.Published.Get("kept")?.ToText());
    }

    [Fact]
    public void Other_expression_errors_carry_no_limit_hint()
    {
        var harness = Harness("<% int('abc') %>");

        harness.Start();

        var heavy = harness.Tasks().Single(t => t.Name == "heavy");
        Assert.DoesNotContain("configuration key", heavy.StateInfo, StringComparison.Ordinal);
    }
}
