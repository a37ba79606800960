using Sirocco.Engine.Processing;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;

namespace Sirocco.Engine.Tests.Limits;

/// <summary>A workflow that loops forever hits <see cref="ExecutionLimits.MaxTasksPerExecution"/> and ends in ERROR.</summary>
public class TaskCountLimitTests
{
    private const string SelfLoop = """
        version: '2.0'
        wf:
          tasks:
            init:
              on-success: [a]
            a:
              action: std.noop
              on-success: [a]
        """;

    [Fact]
    public void A_task_that_transitions_to_itself_forever_ends_the_execution_in_error_at_the_limit()
    {
        var harness = new EngineHarness(SelfLoop) { Limits = new ExecutionLimits { MaxTasksPerExecution = 50 } };

        harness.Start();

        var root = harness.Root;
        Assert.Equal(ExecutionState.Error, root.State);
        Assert.Contains("Too many task executions: the execution has 50, the limit is 50 per execution", root.StateInfo, StringComparison.Ordinal);
        Assert.Contains("task 'a' was not started", root.StateInfo, StringComparison.Ordinal);
        Assert.Contains(ExecutionLimits.MaxTasksPerExecutionKey, root.StateInfo, StringComparison.Ordinal);
        Assert.Equal(root.StateInfo, root.Output.Get("result")?.ToText());
        // What was stored stays consistent: every task that was created finished normally, none is left running.
        var tasks = harness.Tasks();
        Assert.Equal(50, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(ExecutionState.Success, t.State));
        Assert.Empty(harness.PendingActions);
    }

    [Fact]
    public void A_cycle_through_two_tasks_hits_the_limit()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              tasks:
                init:
                  on-success: [a]
                a:
                  on-success: [b]
                b:
                  on-complete: [a]
            """) { Limits = new ExecutionLimits { MaxTasksPerExecution = 21 } };

        harness.Start();

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Contains("the limit is 21", harness.Root.StateInfo, StringComparison.Ordinal);
        Assert.Equal(21, harness.Tasks().Count);
    }

    [Fact]
    public void A_cycle_that_doubles_its_branches_stops_near_the_limit_instead_of_growing_exponentially()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              tasks:
                init:
                  on-success: [a]
                a:
                  on-success: [a, b]
                b:
                  on-success: [a]
            """) { Limits = new ExecutionLimits { MaxTasksPerExecution = 200 } };

        harness.Start();

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Equal(200, harness.Tasks().Count);
        // Branches still out when the limit struck keep what they did: their results are recorded (a late
        // result of a finished execution, like after a 'fail' command) and nothing new starts.
        var state = harness.State(harness.RootId!);
        Assert.All(harness.Tasks(), t => Assert.True(
            t.State == ExecutionState.Success || state.ActionsOf(t.Id).All(a => a.State == ExecutionState.Success), t.Name));
        Assert.Equal(harness.Tasks().Count, harness.RunActions.Count);
    }

    [Fact]
    public void A_cycle_that_ends_below_the_limit_succeeds()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              vars:
                n: 0
              tasks:
                init:
                  on-success: [step]
                step:
                  publish:
                    n: <% $.n + 1 %>
                  on-success:
                    - step: <% $.n < 9 %>
            """) { Limits = new ExecutionLimits { MaxTasksPerExecution = 10 } };

        harness.Start();

        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(10, harness.Tasks().Count);
    }

    [Fact]
    public void A_definition_with_more_tasks_than_the_limit_is_stopped_even_without_a_cycle()
    {
        var yaml = "version: '2.0'\nwf:\n  tasks:\n" + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"    t{i}:\n      action: std.noop\n" + (i < 9 ? $"      on-success: [t{i + 1}]\n" : "")));
        var harness = new EngineHarness(yaml) { Limits = new ExecutionLimits { MaxTasksPerExecution = 4 } };

        harness.Start();

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Contains("task 't4' was not started", harness.Root.StateInfo, StringComparison.Ordinal);
        Assert.Equal(4, harness.Tasks().Count);
    }

    [Fact]
    public void Zero_switches_the_limit_off()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              vars:
                n: 0
              tasks:
                init:
                  on-success: [step]
                step:
                  publish:
                    n: <% $.n + 1 %>
                  on-success:
                    - step: <% $.n < 300 %>
            """) { Limits = new ExecutionLimits { MaxTasksPerExecution = 0 } };

        harness.Start();

        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(301, harness.Tasks().Count);
    }

    [Theory]
    [InlineData("a", false)]
    [InlineData("b", false)]
    [InlineData("loop", true)]
    [InlineData("after_loop", true)]
    [InlineData("shared", true)]
    [InlineData("twice", true)]
    public void Only_tasks_that_can_run_more_than_once_are_counted(string task, bool mayRepeat)
    {
        var parsed = Sirocco.Language.WorkflowParser.Parse("""
            version: '2.0'
            wf:
              tasks:
                a:
                  on-success: [b, shared]
                  on-error: [shared]
                b:
                  on-success: [loop, twice]
                  on-complete: [twice]
                loop:
                  on-success:
                    - loop: <% false %>
                    - after_loop
                after_loop:
                  action: std.noop
                shared:
                  action: std.noop
                twice:
                  action: std.noop
            """);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Diagnostics));
        var spec = parsed.Document!.Workflows[0];

        Assert.Equal(mayRepeat, WorkflowPlan.For(spec).MayRepeat(task));
    }

    [Fact]
    public void The_count_includes_tasks_created_earlier_in_the_same_decision()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              tasks:
                a:
                  on-success: [b, c, d, e]
                b:
                  action: std.noop
                c:
                  action: std.noop
                d:
                  action: std.noop
                e:
                  action: std.noop
            """) { Limits = new ExecutionLimits { MaxTasksPerExecution = 3 } };

        harness.Start();

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Equal(3, harness.Tasks().Count);
    }
}
