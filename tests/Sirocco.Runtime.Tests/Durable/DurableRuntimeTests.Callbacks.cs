using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>
/// A delegate's completion through the API reads the action in the writer's unit that completes it
/// (<see cref="Runtime.Durable.DurableRuntime.TryCompleteActionAsync"/>): only what the caller's check lets through is decided.
/// </content>
public abstract partial class DurableRuntimeTests
{
    private const string Waiting = """
        version: '2.0'
        waits:
          tasks:
            ask:
              action: std.async_noop
        """;

    [Fact]
    public async Task A_running_delegate_is_read_and_completed_in_one_unit_and_its_execution_goes_on()
    {
        await using var host = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null));
        var id = await host.StartExecutionAsync(Waiting, "waits");
        var action = await RunningActionAsync(host, id);
        ActionExecutionRecord? seen = null;

        var attempt = await host.Runtime.TryCompleteActionAsync(action.Id, ActionOutcome.Success(Value.From("answer")), a => { seen = a; return true; }, default);

        Assert.True(attempt.Decided);
        Assert.Equal(("RUNNING", "ask", id), (seen!.State, seen.TaskName, seen.WorkflowExecutionId));
        Assert.Equal(seen, attempt.Current);
        Assert.Equal(ExecutionState.Success, attempt.Stored!.State);
        Assert.Equal("SUCCESS", await host.WaitAsync(id));
        var stored = await host.Store.Executions.GetActionExecutionAsync(action.Id, default);
        // The answer is the action as stored by this decision; its task's state stays as read before it, as when the API reads first.
        Assert.Equal(stored! with { TaskState = "RUNNING" }, attempt.Current!.AsStored(attempt.Stored));
    }

    [Fact]
    public async Task A_completion_the_check_holds_back_changes_nothing_and_gives_the_action_as_read()
    {
        await using var host = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null));
        var id = await host.StartExecutionAsync(Waiting, "waits");
        var action = await RunningActionAsync(host, id);

        var held = await host.Runtime.TryCompleteActionAsync(action.Id, ActionOutcome.Success(Value.From("answer")), _ => false, default);
        var unknown = await host.Runtime.TryCompleteActionAsync("no-such-action", ActionOutcome.Success(Value.Null), _ => true, default);

        Assert.False(held.Decided);
        Assert.Null(held.Stored);
        Assert.Equal(action.Id, held.Current!.Id);
        Assert.Equal("RUNNING", (await host.Store.Executions.GetActionExecutionAsync(action.Id, default))!.State);
        Assert.Equal("RUNNING", (await host.Store.Executions.GetWorkflowExecutionAsync(id, default))!.State);
        Assert.False(unknown.Decided);
        Assert.Null(unknown.Current);
    }

    [Fact]
    public async Task A_second_completion_finds_the_action_completed_by_the_first()
    {
        await using var host = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null));
        var id = await host.StartExecutionAsync(Waiting, "waits");
        var action = await RunningActionAsync(host, id);
        await host.Runtime.TryCompleteActionAsync(action.Id, ActionOutcome.Success(Value.From(1)), _ => true, default);

        var again = await host.Runtime.TryCompleteActionAsync(action.Id, ActionOutcome.Success(Value.From(2)), a => a.State == "RUNNING", default);

        Assert.False(again.Decided);
        Assert.Equal(("SUCCESS", """{"result":1}"""), (again.Current!.State, again.Current.OutputJson));
    }

    private static async Task<ActionExecutionRecord> RunningActionAsync(RuntimeHost host, string executionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var actions = await host.Store.Executions.ListActionExecutionsAsync(new ListQuery(), true, default);
            if (actions.Where(a => a.WorkflowExecutionId == executionId).ToList() is [{ State: "RUNNING" } running])
            {
                return running;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"execution {executionId} has no running action");
    }
}
