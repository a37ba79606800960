using System.Text.Json;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Conformance;

/// <summary>Every case of <c>yaql.jsonl</c>: value (or error category) and embedded text rendering.</summary>
public sealed class YaqlConformanceTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
        ConformanceCorpus.Load("yaql.jsonl").ToDictionary(c => c.GetProperty("id").GetString()!));

    private static readonly YaqlLanguage Language = new();

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
    public void Case_evaluates_as_the_reference(string id)
    {
        var c = Cases.Value[id];
        var expression = c.GetProperty("expr").GetString()!;
        var context = new ExpressionContext(ConformanceCorpus.Contexts[c.GetProperty("context").GetString()!]);
        var result = Language.Contains(expression)
            ? Language.Evaluate(expression, context)
            : ExpressionResult.Success(Value.From(expression));
        var describe = $"{expression} → {(result.IsSuccess ? result.Value!.ToJson() : result.Error!.Category + ": " + result.Error.Message)}";

        if (!c.GetProperty("ok").GetBoolean())
        {
            Assert.False(result.IsSuccess, describe);
            Assert.Equal(c.GetProperty("error").GetProperty("category").GetString(), result.Error!.Category);
            return;
        }

        Assert.True(result.IsSuccess, describe);
        var actual = result.Value!;
        if (c.TryGetProperty("match", out var match))
        {
            Assert.Matches(new Regex(match.GetString()!), Assert.IsType<StringValue>(actual).Value);
        }
        else if (c.TryGetProperty("unordered", out var unordered) && unordered.GetBoolean())
        {
            var expected = ((ListValue)JsonValues.FromElement(c.GetProperty("result"))).Select(v => v.ToJson()).Order(StringComparer.Ordinal);
            var got = Assert.IsType<ListValue>(actual).Select(v => v.ToJson()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, got);
        }
        else
        {
            Assert.Equal(JsonValues.FromElement(c.GetProperty("result")).ToJson(), actual.ToJson());
        }

        if (c.TryGetProperty("text", out var text) && !c.TryGetProperty("text_opaque", out _))
        {
            var embedded = Language.Evaluate("T:" + expression, context);
            Assert.True(embedded.IsSuccess, describe);
            Assert.Equal("T:" + text.GetString(), ((StringValue)embedded.Value!).Value);
        }
    }
}
