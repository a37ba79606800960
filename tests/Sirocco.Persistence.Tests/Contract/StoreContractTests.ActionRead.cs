using Sirocco.Engine;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence.Tests.Contract;

/// <content>
/// A callback's action is read inside the writer's unit that completes it, instead of by the API before: that read
/// must give what the API's own read gives, and see what the unit itself wrote.
/// </content>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_action_read_in_a_unit_is_the_APIs_record_and_sees_the_units_own_writes()
    {
        var created = new ActionExecution
        {
            Id = "a1",
            TaskExecutionId = "t1",
            WorkflowExecutionId = "e",
            Name = "std.async_noop",
            Input = DictValue.From([new KeyValuePair<string, Value>("n", Value.From(7))]),
            Index = 2,
            CreatedAt = T0,
            UpdatedAt = T0,
        };
        var completed = created with { State = ExecutionState.Success, Output = Value.From("done"), Accepted = true, UpdatedAt = T0.AddSeconds(1) };

        var (running, unknown, done) = await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "t1", WorkflowExecutionId = "e", Name = "wait", State = "RUNNING", CreatedAt = T0, UpdatedAt = T0 }], ct);
                var cause = new StartWorkflow("e", DictValue.Empty, DictValue.Empty);
                await tx.ApplyDecisionAsync(new Decision([new ActionExecutionCreated(created)], []), cause, null, "node", ct);
                var running = await tx.ReadActionExecutionAsync("a1", ct);
                var unknown = await tx.ReadActionExecutionAsync("nope", ct);
                await tx.ApplyDecisionAsync(new Decision([new ActionExecutionUpdated(completed)], []), cause, null, "node", ct);
                return (running, unknown, await tx.ReadActionExecutionAsync("a1", ct));
            },
            default);

        Assert.Null(unknown);
        Assert.Equal(("RUNNING", null), (running!.State, running.OutputJson));
        Assert.Equal(("a1", "std.async_noop", "t1", "wait", "wf", "e"), (running.Id, running.Name, running.TaskExecutionId, running.TaskName, running.WorkflowName, running.WorkflowExecutionId));
        Assert.Equal((2, "RUNNING", """{"n":7}"""), (running.ItemIndex, running.TaskState, running.InputJson));
        Assert.Equal(("SUCCESS", """{"result":"done"}""", true), (done!.State, done.OutputJson, done.Accepted));

        ActionExecutionRecord? read = await Store.Executions.GetActionExecutionAsync("a1", default);
        Assert.Equal(read, done);
    }
}
