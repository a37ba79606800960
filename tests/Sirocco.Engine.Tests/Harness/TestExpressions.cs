using Sirocco.Expressions;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>The evaluator the scenarios run with.</summary>
internal static class TestExpressions
{
    public static IExpressionEvaluator Create() => new MiniYaql();
}
