using System.Text.Json;
using Sirocco.Expressions.Jinja;

namespace Sirocco.Expressions.Tests.Conformance;

/// <summary>Every case of ../shared/conformance/expressions/jinja.jsonl, evaluated through the public router.</summary>
public class JinjaConformanceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases =
        new(() => ExpressionCorpus.Load("jinja.jsonl").ToDictionary(c => c.GetProperty("id").GetString()!));

    private static readonly IExpressionEvaluator Evaluator = Expressions.CreateEvaluator();

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_conforms(string id)
    {
        var record = Cases.Value[id];
        var context = new ExpressionContext(ExpressionCorpus.Contexts[record.GetProperty("context").GetString()!]);
        var expr = record.GetProperty("expr").GetString()!;

        var actual = Evaluator.Evaluate(expr, context);

        var failure = ExpressionCorpus.Judge(record, actual, text => Evaluator.Evaluate(text, context));
        Assert.True(failure is null, $"{id} {expr}: {failure}");
    }

    [Fact]
    public void Corpus_is_all_jinja_and_complete()
    {
        Assert.Equal(379, Cases.Value.Count);
        Assert.All(Cases.Value.Values, c => Assert.Equal("jinja", c.GetProperty("lang").GetString()));
        Assert.All(Cases.Value.Values, c => Assert.True(new JinjaLanguage().Contains(c.GetProperty("expr").GetString()!)
            || !c.GetProperty("expr").GetString()!.Contains("{{", StringComparison.Ordinal)
            || c.GetProperty("expr").GetString()!.Contains('\n', StringComparison.Ordinal)));
    }
}
