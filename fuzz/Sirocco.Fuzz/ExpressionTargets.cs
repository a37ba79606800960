using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Fuzz;

/// <summary>
/// YAQL and Jinja: syntax check then evaluation against a small fixed context, under small limits so
/// that a runaway expression ends in a limit error quickly instead of looking like a hang.
/// </summary>
internal static class ExpressionTargets
{
    private const string ContextJson = """
        {"i": 7, "s": "Hello, World", "f": 2.5, "b": true, "n": null,
         "list": [1, 2, 3, "x", null], "dict": {"a": 1, "b": [1, {"c": "d"}]}, "json_s": "{\"k\": [1, 2]}"}
        """;

    private static readonly IExpressionEvaluator Evaluator = Expressions.Expressions.CreateEvaluator(new ExpressionOptions
    {
        MaxSteps = 20_000,
        MaxDepth = 60,
        MaxOutputLength = 20_000,
        NewId = () => Guid.Empty,
        NextRandom = _ => 0,
    });

    private static readonly ExpressionContext Context = new(JsonValues.Parse(ContextJson));

    /// <summary>The input is the inside of one <c>&lt;% %&gt;</c> block.</summary>
    public static void RunYaql(byte[] data) => Evaluate("<% " + FuzzTargets.Text(data) + " %>");

    /// <summary>The input is a whole string value: text with <c>{{ }}</c> and <c>{% %}</c> blocks.</summary>
    public static void RunJinja(byte[] data) => Evaluate(FuzzTargets.Text(data));

    private static void Evaluate(string text)
    {
        GC.KeepAlive(Evaluator.CheckSyntax(text));
        GC.KeepAlive(Evaluator.ContainsExpression(text));
        GC.KeepAlive(Evaluator.Evaluate(text, Context));
    }
}
