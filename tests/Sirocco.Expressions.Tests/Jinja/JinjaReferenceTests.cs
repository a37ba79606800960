using System.Text.Json;
using Sirocco.Expressions.Tests.Conformance;

namespace Sirocco.Expressions.Tests.Jinja;

/// <summary>
/// Beyond the shared corpus: ~1,300 more strings (every filter, test, method group, templates, formatting,
/// Mistral functions) whose expected values Mistral 15's own Jinja evaluator produced (Reference/generate.py).
/// </summary>
public class JinjaReferenceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ExpressionCorpus
        .Load(Path.Combine(ExpressionCorpus.RepoRoot, "tests", "Sirocco.Expressions.Tests", "Jinja", "Reference", "reference-jinja2.jsonl"))
        .ToDictionary(c => c.GetProperty("id").GetString()!));

    private static readonly IExpressionEvaluator Evaluator = Expressions.CreateEvaluator();

    public static TheoryData<string, string> CaseIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, record) in Cases.Value)
        {
            data.Add(record.GetProperty("group").GetString()!, id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_matches_mistral(string group, string id)
    {
        var record = Cases.Value[id];
        var context = new ExpressionContext(ExpressionCorpus.Contexts[record.GetProperty("context").GetString()!]);
        var expr = record.GetProperty("expr").GetString()!;

        var failure = ExpressionCorpus.Judge(record, Evaluator.Evaluate(expr, context), text => Evaluator.Evaluate(text, context));

        Assert.True(failure is null, $"{group} {id} {expr}: {failure}");
    }
}
