using Sirocco.Engine.Commands;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Limits;

/// <summary><see cref="ExecutionLimits.MaxWithItemsLength"/> and <see cref="ExecutionLimits.MaxSubworkflowDepth"/> fail cleanly.</summary>
public class WithItemsAndDepthLimitTests
{
    private const string Items = """
        version: '2.0'
        wf:
          input: [n]
          tasks:
            each:
              with-items: x in <% range(0, $.n).toList() %>
              action: std.echo output=<% $.x %>
        """;

    private const string Recursive = """
        version: '2.0'
        again:
          input:
            - level: 0
          tasks:
            deeper:
              workflow: again level=<% $.level + 1 %>
        """;

    [Fact]
    public void A_with_items_list_longer_than_the_limit_fails_the_task_before_any_action_starts()
    {
        var harness = new EngineHarness(Items) { Limits = new ExecutionLimits { MaxWithItemsLength = 10 } };

        harness.Start(input: N(11));

        var task = Assert.Single(harness.Tasks());
        Assert.Equal(ExecutionState.Error, task.State);
        Assert.Equal(
            "Too many with-items items: task 'each' has 11, the limit is 10. Split the list, or change the limit with the configuration key "
            + "Limits:MaxWithItemsLength (0 switches it off).",
            task.StateInfo);
        Assert.Empty(harness.RunActions);
        Assert.Null(harness.State(harness.RootId!).ItemsOf(task.Id));
        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Contains("Limits:MaxWithItemsLength", harness.Root.StateInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void A_with_items_list_as_long_as_the_limit_runs()
    {
        var harness = new EngineHarness(Items) { Limits = new ExecutionLimits { MaxWithItemsLength = 10 } };

        harness.Start(input: N(10));

        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(10, harness.RunActions.Count);
    }

    [Fact]
    public void A_workflow_that_calls_itself_forever_ends_in_error_at_the_depth_limit()
    {
        var harness = new EngineHarness(Recursive) { Limits = new ExecutionLimits { MaxSubworkflowDepth = 3 } };

        harness.Start();

        // The top-level execution and its sub-workflows at depths 1, 2 and 3; the one at depth 3 may not start a fourth.
        var executions = harness.ExecutionIds.Select(harness.Execution).OrderBy(e => e.Depth).ToList();
        Assert.Equal([0, 1, 2, 3], executions.Select(e => e.Depth));
        Assert.All(executions, e => Assert.Equal(ExecutionState.Error, e.State));
        Assert.Equal(3, harness.Commands.OfType<StartSubworkflow>().Count());
        var deepest = Assert.Single(harness.Tasks(executions[3].Id));
        Assert.Equal(ExecutionState.Error, deepest.State);
        Assert.Equal(
            "Sub-workflows nest too deep: task 'deeper' would start one at depth 4, the limit is 3. A workflow that calls itself without end? "
            + "Change the limit with the configuration key Limits:MaxSubworkflowDepth (0 switches it off).",
            deepest.StateInfo);
        Assert.Empty(harness.State(executions[3].Id).ActionsOf(deepest.Id));
        // The error travels up through every level to the top.
        Assert.Contains("Limits:MaxSubworkflowDepth", harness.Root.StateInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_workflows_within_the_depth_limit_run()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            again:
              input:
                - level: 0
              tasks:
                deeper:
                  action: std.noop
                  on-success:
                    - call: <% $.level < 3 %>
                call:
                  workflow: again level=<% $.level + 1 %>
            """) { Limits = new ExecutionLimits { MaxSubworkflowDepth = 3 } };

        harness.Start();

        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(3, harness.ExecutionIds.Select(harness.Execution).Max(e => e.Depth));
    }

    [Fact]
    public void With_items_of_sub_workflows_are_held_to_the_depth_limit_too()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            top:
              tasks:
                fan:
                  with-items: x in [1, 2, 3]
                  workflow: top
            """) { Limits = new ExecutionLimits { MaxSubworkflowDepth = 1 } };

        harness.Start("top");

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Equal(3, harness.Commands.OfType<StartSubworkflow>().Count());
        Assert.Equal(4, harness.ExecutionIds.Count());
    }

    private static DictValue N(int n) => DictValue.From([new KeyValuePair<string, Value>("n", Value.From(n))]);
}
