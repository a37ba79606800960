using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

/// <summary>Forcing a sub-workflow's state by hand: the parent takes the child's end as it takes a natural one.</summary>
public class ForcedStopFacts
{
    private const string ParentAndChild = """
        version: '2.0'
        parent:
          tasks:
            call:
              workflow: child
              on-error: [handle]
            handle:
              action: std.echo output=<% task(call).result %>
        child:
          output:
            answer: 42
          tasks:
            slow_one:
              action: slow
        """;

    private static (EngineHarness Harness, WorkflowExecution Child) StartWaitingChild()
    {
        var harness = new EngineHarness(ParentAndChild);
        harness.Scripts["slow_one"] = _ => null;
        harness.Start("parent");
        var child = harness.ExecutionIds.Select(harness.Execution).Single(e => e.WorkflowName == "child");
        return (harness, child);
    }

    [Fact]
    public void A_sub_workflow_forced_to_ERROR_without_a_message_fails_its_parent_task_with_Mistrals_default_message()
    {
        var (harness, child) = StartWaitingChild();

        harness.Send(new StopExecution(child.Id, ExecutionState.Error));

        Assert.Equal(ExecutionState.Error, harness.Execution(child.Id).State);
        var call = harness.Tasks().Single(t => t.Name == "call");
        Assert.Equal(ExecutionState.Error, call.State);
        var handle = harness.Tasks().Single(t => t.Name == "handle");
        Assert.Equal(Value.From($"Failed subworkflow [execution_id={child.Id}]"), handle.Result);
        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Contains(harness.Commands, c => c is CancelAction);
    }

    [Fact]
    public void A_sub_workflow_forced_to_SUCCESS_hands_its_output_to_the_parent_task()
    {
        var (harness, child) = StartWaitingChild();

        harness.Send(new StopExecution(child.Id, ExecutionState.Success, "done by hand"));

        var stopped = harness.Execution(child.Id);
        Assert.Equal(ExecutionState.Success, stopped.State);
        Assert.Equal("done by hand", stopped.StateInfo);
        var call = harness.Tasks().Single(t => t.Name == "call");
        Assert.Equal(ExecutionState.Success, call.State);
        Assert.Equal(Value.From(42), (call.Result as DictValue)?.Get("answer"));
        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Empty(harness.Rejections);
    }

    [Fact]
    public void A_parent_forced_to_ERROR_cancels_its_running_sub_workflow()
    {
        var (harness, child) = StartWaitingChild();

        harness.Send(new StopExecution(harness.RootId!, ExecutionState.Error, "stop everything"));

        Assert.Equal(ExecutionState.Error, harness.Root.State);
        Assert.Equal(ExecutionState.Cancelled, harness.Execution(child.Id).State);
        Assert.Equal(ExecutionState.Error, harness.Tasks().Single(t => t.Name == "call").State);
        Assert.DoesNotContain(harness.Tasks(), t => t.Name == "handle");
    }

    [Fact]
    public void Forcing_a_state_other_than_SUCCESS_or_ERROR_is_refused()
    {
        var (harness, _) = StartWaitingChild();

        harness.Send(new StopExecution(harness.RootId!, ExecutionState.Paused));

        Assert.Single(harness.Rejections);
        Assert.Equal(ExecutionState.Running, harness.Root.State);
    }
}
