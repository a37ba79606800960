using BenchmarkDotNet.Attributes;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Benchmarks;

/// <summary>
/// The three expression figures issue 4 names: a simple YAQL path, a YAQL filter over 100 items and
/// a Jinja filter chain, each through the public evaluator with its parse cache warm.
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private readonly IExpressionEvaluator _evaluator = Expressions.Expressions.CreateEvaluator();
    private ExpressionContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var items = Enumerable.Range(0, 100).Select(i => (Value)DictValue.From(new Dictionary<string, Value>
        {
            ["x"] = Value.From(i % 20),
            ["name"] = Value.From($"item-{i}"),
        }));
        _context = new ExpressionContext(DictValue.From(new Dictionary<string, Value>
        {
            ["a"] = DictValue.From(new Dictionary<string, Value> { ["b"] = Value.From(42) }),
            ["items"] = new ListValue(items),
        }));
    }

    [Benchmark]
    public Value? YaqlSimplePath() => _evaluator.Evaluate("<% $.a.b %>", _context).Value;

    [Benchmark]
    public Value? YaqlFilterOver100Items() => _evaluator.Evaluate("<% $.items.where($.x > 10).select($.name) %>", _context).Value;

    [Benchmark]
    public Value? JinjaFilterChain() =>
        _evaluator.Evaluate("{{ _['items'] | map(attribute='name') | select('ne', 'x') | list | join(',') }}", _context).Value;
}
