using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

/// <summary>With-items must cost the same per item whatever the number of items.</summary>
public class WithItemsScaleTests
{
    private const string Workflow = """
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

    [Fact]
    public void A_hundred_thousand_items_run_with_results_in_item_order()
    {
        const int Count = 100_000;
        var harness = new EngineHarness(Workflow);

        harness.Start(input: DictValue.From([new KeyValuePair<string, Value>("n", Value.From(Count))]));

        Assert.Equal(ExecutionState.Success, harness.Root.State);
        var each = harness.Tasks().Single(t => t.Name == "each");
        var result = Assert.IsType<ListValue>(each.Result);
        Assert.Equal(Count, result.Count);
        Assert.Equal(Value.From(0), result[0]);
        Assert.Equal(Value.From(Count - 1), result[Count - 1]);
        Assert.Equal(Value.From(54_321), result[54_321]);
    }

    [Fact]
    public void An_item_completion_writes_the_same_few_rows_early_and_late()
    {
        var engine = new WorkflowEngine();
        var state = new MemoryExecutionState();
        var spec = Sirocco.Language.WorkflowParser.Parse(Workflow).Document!.Workflows[0];
        var context = new DecisionContext(spec, TestExpressions.Create(), new SequentialIds(), DateTimeOffset.UnixEpoch);
        var queue = new Queue<EngineEvent>();
        queue.Enqueue(new StartWorkflow("e", DictValue.From([new KeyValuePair<string, Value>("n", Value.From(2_000))]), DictValue.Empty));
        var rowsPerItem = new List<int>();
        while (queue.TryDequeue(out var next))
        {
            var decision = engine.Decide(state, next, context);
            state.Apply(decision.Changes);
            if (next is ActionCompleted && decision.Changes.OfType<TaskItemsCreated>().Any() is false
                && decision.Changes.OfType<ActionExecutionCreated>().Count() == 1)
            {
                rowsPerItem.Add(decision.Changes.Count);
            }

            foreach (var run in decision.Commands.OfType<RunAction>())
            {
                queue.Enqueue(new ActionCompleted("e", run.ActionExecutionId, ActionOutcome.Success(run.Input.Get("output")!)));
            }
        }

        Assert.Equal(ExecutionState.Success, state.Execution!.State);
        // Completed action, task counters, next action: the same three rows for the 1st and the 1,900th item.
        Assert.All(rowsPerItem, count => Assert.Equal(3, count));
        Assert.True(rowsPerItem.Count > 1_900);
    }
}
