using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

/// <summary>Heartbeats of a pending delegate restart the task's timeout only when the task asks for it.</summary>
public sealed class DelegateHeartbeatFacts
{
    private static EngineHarness Start(string extends)
    {
        var harness = new EngineHarness($"""
            version: '2.0'
            wf:
              input: [beat]
              tasks:
                wait:
                  action: third.party
                  timeout: 10
            {extends}
            """);
        harness.Scripts["wait"] = _ => null;
        harness.Start(input: DictValue.From([new KeyValuePair<string, Value>("beat", Value.True)]));
        return harness;
    }

    private static void Heartbeat(EngineHarness harness)
    {
        var action = harness.PendingActions.Single();
        harness.Send(new ActionHeartbeat(action.ExecutionId, action.ActionExecutionId));
    }

    [Theory]
    [InlineData("      heartbeat-extends-timeout: true")]
    [InlineData("      heartbeat-extends-timeout: <% $.beat %>")]
    public void Heartbeats_keep_the_timeout_from_firing_and_silence_still_times_out(string extends)
    {
        var harness = Start(extends);

        harness.Advance(TimeSpan.FromSeconds(8));
        Heartbeat(harness);
        harness.Advance(TimeSpan.FromSeconds(8));
        Heartbeat(harness);
        harness.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(ExecutionState.Running, harness.Tasks().Single().State);
        Assert.Single(harness.Timers);
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(1), harness.Timers.Single().DueAt);

        harness.Advance(TimeSpan.FromSeconds(1));

        var task = harness.Tasks().Single();
        Assert.Equal(ExecutionState.Error, task.State);
        Assert.Equal("Task timed out [timeout(s)=10].", task.StateInfo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("      heartbeat-extends-timeout: false")]
    public void Without_the_request_a_heartbeat_leaves_the_timeout_where_it_was(string extends)
    {
        var harness = Start(extends);

        harness.Advance(TimeSpan.FromSeconds(8));
        var commands = harness.Commands.Count;
        Heartbeat(harness);
        var afterHeartbeat = harness.Commands.Count;
        harness.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(commands, afterHeartbeat);
        Assert.Equal(ExecutionState.Error, harness.Tasks().Single().State);
    }

    [Fact]
    public void A_heartbeat_after_the_task_ended_changes_nothing()
    {
        var harness = Start("      heartbeat-extends-timeout: true");
        var action = harness.PendingActions.Single();
        harness.Complete(action, ActionOutcome.Success(Value.From("done")));
        var commands = harness.Commands.Count;

        harness.Send(new ActionHeartbeat(action.ExecutionId, action.ActionExecutionId));

        Assert.Equal(commands, harness.Commands.Count);
        Assert.Equal(ExecutionState.Success, harness.Root.State);
    }
}
