using BenchmarkDotNet.Attributes;
using Sirocco.Engine;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;

namespace Sirocco.Benchmarks;

/// <summary>
/// A with-items task over N items driven through the pure engine (every action completes at once), with
/// concurrency 50 and one YAQL expression per item. Cost per item must not grow with N.
/// Run: <c>dotnet run -c Release --project bench/Sirocco.Benchmarks -- --filter *WithItems*</c>.
/// </summary>
[MemoryDiagnoser]
public class WithItemsBenchmarks
{
    private const string Yaml = """
        version: '2.0'
        wf:
          input:
            - n
          tasks:
            make:
              publish:
                xs: <% range(0, $.n).toList() %>
              on-success: [each]
            each:
              with-items: x in <% $.xs %>
              concurrency: 50
              action: std.echo output=<% $.x %>
        """;

    private readonly IExpressionEvaluator _expressions = Expressions.Expressions.CreateEvaluator();
    private WorkflowSpec _spec = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup() => _spec = WorkflowParser.Parse(Yaml).Document!.Workflows[0];

    [Benchmark]
    public ExecutionState Run()
    {
        var engine = new WorkflowEngine();
        var state = new MemoryExecutionState();
        var context = new DecisionContext(_spec, _expressions, new CountingIds(), DateTimeOffset.UnixEpoch);
        var queue = new Queue<EngineEvent>();
        queue.Enqueue(new StartWorkflow("e", DictValue.From([new KeyValuePair<string, Value>("n", Value.From(Items))]), DictValue.Empty));
        while (queue.TryDequeue(out var next))
        {
            var decision = engine.Decide(state, next, context);
            state.Apply(decision.Changes);
            foreach (var command in decision.Commands)
            {
                if (command is RunAction run)
                {
                    queue.Enqueue(new ActionCompleted("e", run.ActionExecutionId, ActionOutcome.Success(run.Input.Get("output") ?? Value.Null)));
                }
            }
        }

        return state.Execution!.State == ExecutionState.Success
            ? ExecutionState.Success
            : throw new InvalidOperationException("The benchmark workflow did not succeed.");
    }

    private sealed class CountingIds : IIdGenerator
    {
        private long _next;

        public string NewId() => (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
