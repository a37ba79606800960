using Sirocco.Engine;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

/// <content>
/// The engine keeps the tasks it wrote between events and trusts a copy only while the row holds the version the
/// write gave it: a chain's next event then reads one number instead of the row of the task before it.
/// </content>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_task_the_engine_wrote_is_served_from_its_kept_copy_until_another_write_changes_its_row()
    {
        await DecideAsync(new TaskExecutionCreated(EngineTask(ExecutionState.Success, DictValue.From([new KeyValuePair<string, Value>("v", Value.From(1))]))));

        var first = await FindTaskAsync();
        var second = await FindTaskAsync();

        Assert.Same(first, second);
        Assert.Equal(ExecutionState.Success, first!.State);
        Assert.Equal(Value.From(1), first.Published.Get("v"));
        Assert.Equal(T0.AddTicks(1230), first.UpdatedAt); // at the row's microsecond precision, as a read gives it

        // A write the engine did not decide here (another process) raises the version: the copy is stale.
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveTasksAsync([StoredTask("ERROR")], ct); return 0; }, default);

        Assert.Equal(ExecutionState.Error, (await FindTaskAsync())!.State);
    }

    [Fact]
    public async Task The_copy_of_a_write_that_was_rolled_back_is_never_served_even_when_its_version_comes_again()
    {
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveExecutionAsync(Execution("e"), ct); await tx.SaveTasksAsync([StoredTask("RUNNING")], ct); return 0; }, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Durable.ExecuteAsync<int>(
            async (tx, ct) =>
            {
                await tx.ApplyDecisionAsync(new Decision([new TaskExecutionUpdated(EngineTask(ExecutionState.Success, DictValue.Empty))], []), new StartWorkflow("e", DictValue.Empty, DictValue.Empty), null, "node", ct);
                throw new InvalidOperationException("the unit fails after its write");
            },
            default));

        // The row's next write reaches the version the rolled-back one had, with other content.
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveTasksAsync([StoredTask("ERROR")], ct); return 0; }, default);

        Assert.Equal(ExecutionState.Error, (await FindTaskAsync())!.State);
    }

    [Fact]
    public async Task A_task_whose_values_change_when_stored_is_read_back_not_kept()
    {
        // JSON has string keys only: the integer key comes back as its text, so the engine must see what a read gives.
        await DecideAsync(new TaskExecutionCreated(EngineTask(ExecutionState.Success, DictValue.From([new KeyValuePair<Value, Value>(Value.From(1), Value.From("one"))]))));

        var read = await FindTaskAsync();

        Assert.Equal(Value.From("one"), read!.Published.Get("1"));
    }

    private async Task DecideAsync(StateChange change) =>
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.ApplyDecisionAsync(new Decision([change], []), new StartWorkflow("e", DictValue.Empty, DictValue.Empty), null, "node", ct);
                return 0;
            },
            default);

    private Task<TaskExecution?> FindTaskAsync() =>
        Store.Durable.ExecuteAsync((tx, ct) => Task.FromResult(tx.ExecutionState("e").FindTask("t1")), default);

    private static TaskExecution EngineTask(ExecutionState state, DictValue published) => new()
    {
        Id = "t1",
        Name = "t",
        WorkflowExecutionId = "e",
        WorkflowName = "wf",
        State = state,
        Published = published,
        CreatedAt = T0,
        UpdatedAt = T0.AddTicks(1234),
    };

    private static StoredTask StoredTask(string state) => new() { Id = "t1", WorkflowExecutionId = "e", Name = "t", State = state, CreatedAt = T0, UpdatedAt = T0 };
}
