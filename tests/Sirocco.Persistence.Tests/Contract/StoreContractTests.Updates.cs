using Sirocco.Engine;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

/// <content>
/// The engine's changes to tasks and actions it created before are written as updates of the columns it changes,
/// not as upserts of whole rows (fewer index pages per commit). They must still store everything the engine decided.
/// </content>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_task_update_in_the_state_the_writer_last_saw_still_writes_the_state_when_the_row_changed_meanwhile()
    {
        var published = DictValue.From([new KeyValuePair<string, Value>("v", Value.From(2))]);
        var stored = await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.SaveTasksAsync([StoredTask("RUNNING")], ct);

                // Changed behind the writer's back: its idea of the task's state (RUNNING) is stale now.
                await tx.ExecuteSqlAsync("UPDATE task_executions SET state = 'PAUSED' WHERE id = @Id", [new("Id", "t1")], ct);
                await tx.ApplyDecisionAsync(new Decision([new TaskExecutionUpdated(EngineTask(ExecutionState.Running, published))], []), new StartWorkflow("e", DictValue.Empty, DictValue.Empty), null, "node", ct);
                return await tx.GetTaskAsync("t1", ct);
            },
            default);

        Assert.Equal("RUNNING", stored!.State);
        Assert.Equal("""{"v":2}""", stored.PublishedJson);
        Assert.Equal(T0.AddTicks(1230), stored.UpdatedAt);
    }

    [Fact]
    public async Task An_action_update_stores_the_state_output_and_acceptance_the_engine_decided_and_keeps_the_rest()
    {
        var created = new ActionExecution
        {
            Id = "a1",
            TaskExecutionId = "t1",
            WorkflowExecutionId = "e",
            Name = "std.echo",
            Input = DictValue.From([new KeyValuePair<string, Value>("output", Value.From("x"))]),
            Index = 3,
            CreatedAt = T0,
            UpdatedAt = T0,
        };
        var completed = created with { State = ExecutionState.Error, StateInfo = "boom", Output = Value.From("x"), Accepted = false, UpdatedAt = T0.AddSeconds(1) };

        var stored = await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.SaveTasksAsync([StoredTask("RUNNING")], ct);
                var cause = new StartWorkflow("e", DictValue.Empty, DictValue.Empty);
                await tx.ApplyDecisionAsync(new Decision([new ActionExecutionCreated(created)], []), cause, null, "node-1", ct);
                await tx.ApplyDecisionAsync(new Decision([new ActionExecutionUpdated(completed)], []), cause, null, "node-2", ct);
                return await tx.GetActionAsync("a1", ct);
            },
            default);

        Assert.Equal("ERROR", stored!.State);
        Assert.Equal("boom", stored.StateInfo);
        Assert.Equal("""{"result":"x"}""", stored.OutputJson);
        Assert.False(stored.Accepted);
        Assert.Equal(T0.AddSeconds(1), stored.UpdatedAt);
        Assert.Equal(("t1", "e", 3, "node-1"), (stored.TaskExecutionId, stored.WorkflowExecutionId, stored.ItemIndex, stored.Runner));
        Assert.Equal("""{"output":"x"}""", stored.InputJson);
    }
}
