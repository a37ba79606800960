using Sirocco.Expressions.Tests.Conformance;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// Checks one expression against an expected outcome written as <c>OK &lt;json&gt;</c>,
/// <c>SET &lt;json array&gt;</c> (order-free) or <c>ERR &lt;category&gt;</c>.
/// </summary>
internal static class YaqlAssert
{
    private static readonly YaqlLanguage Language = new();

    public static void Evaluates(string context, string expression, string expected)
    {
        var result = Language.Evaluate("<% " + expression + " %>", new ExpressionContext(ConformanceCorpus.Contexts[context]));
        var got = result.IsSuccess ? "OK " + result.Value!.ToJson() : "ERR " + result.Error!.Category;
        if (expected.StartsWith("ERR ", StringComparison.Ordinal))
        {
            Assert.True(!result.IsSuccess, $"{expression}: expected {expected}, got {got}");
            Assert.Equal(expected[4..], result.Error!.Category);
            return;
        }

        Assert.True(result.IsSuccess, $"{expression}: expected {expected}, got {got}");
        if (expected.StartsWith("SET ", StringComparison.Ordinal))
        {
            var want = ((ListValue)JsonValues.Parse(expected[4..])).Select(v => v.ToJson()).Order(StringComparer.Ordinal);
            var have = Assert.IsType<ListValue>(result.Value).Select(v => v.ToJson()).Order(StringComparer.Ordinal);
            Assert.Equal(want, have);
            return;
        }

        Assert.Equal(JsonValues.Parse(expected[3..]).ToJson(), result.Value!.ToJson());
    }
}
