using Sirocco.Expressions;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>The evaluator the scenarios run with: the real YAQL and Jinja evaluators, shared (they are thread-safe).</summary>
internal static class TestExpressions
{
    private static readonly IExpressionEvaluator Shared = Expressions.Expressions.CreateEvaluator();

    public static IExpressionEvaluator Create() => Shared;
}
