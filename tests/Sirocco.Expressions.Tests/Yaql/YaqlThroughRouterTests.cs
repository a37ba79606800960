using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary><see cref="YaqlLanguage"/> behind the <see cref="ExpressionEvaluator"/> router, as the engine will use it.</summary>
public sealed class YaqlThroughRouterTests
{
    private static readonly ExpressionEvaluator Evaluator = new(new YaqlLanguage(), new NoJinja());

    private static readonly ExpressionContext Context = new(DictValue.From([
        new KeyValuePair<string, Value>("vm", Value.From("vm-1")),
        new("n", Value.From(2)),
    ]));

    [Fact]
    public void Evaluate_deep_replaces_expressions_in_dict_values_and_list_items()
    {
        var input = DictValue.From([
            new KeyValuePair<string, Value>("name", Value.From("<% $.vm %>")),
            new("count", Value.From("<% $.n * 2 %>")),
            new("<% $.vm %>", Value.List(Value.From("x-<% $.n %>"), Value.From(1))),
        ]);

        var result = Evaluator.EvaluateDeep(input, Context);

        Assert.True(result.IsSuccess);
        Assert.Equal(JsonValues.Parse("{\"name\":\"vm-1\",\"count\":4,\"<% $.vm %>\":[\"x-2\",1]}"), result.Value);
    }

    [Fact]
    public void Check_syntax_and_contains_go_to_yaql()
    {
        Assert.True(Evaluator.ContainsExpression("a <% 1 %>"));
        Assert.False(Evaluator.ContainsExpression("plain"));
        Assert.Single(Evaluator.CheckSyntax("<% 1 + %>"));
    }

    [Fact]
    public void Failure_deep_inside_a_structure_is_reported()
    {
        var result = Evaluator.EvaluateDeep(Value.List(Value.From("<% $.missing %>")), Context);
        Assert.Equal("key_not_found", result.Error!.Category);
    }

    private sealed class NoJinja : IExpressionLanguage
    {
        public bool Contains(string text) => false;

        public ExpressionResult Evaluate(string text, ExpressionContext context) => throw new InvalidOperationException();

        public IReadOnlyList<ExpressionError> CheckSyntax(string text) => [];
    }
}
