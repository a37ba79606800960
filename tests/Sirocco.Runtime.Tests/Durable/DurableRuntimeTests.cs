using Sirocco.Persistence;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>The durable runtime on each provider: runs, limits, recovery.</summary>
public abstract partial class DurableRuntimeTests : IAsyncLifetime
{
    protected StoreOptions StoreOptions { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Opens the test's database (the same one on every call).</summary>
    internal abstract Task<ISiroccoStore> OpenStoreAsync();

    internal async Task<RuntimeHost> StartHostAsync(string node = "node-a", Func<RunActionRequest, ActionResultMessage?>? script = null) =>
        await RuntimeHost.StartAsync(await OpenStoreAsync(), new DurableRuntimeOptions { NodeId = node, TimerPollInterval = TimeSpan.FromMilliseconds(50) }, script);

    [Fact]
    public async Task A_chain_runs_to_success_with_each_task_stored_once_and_a_history()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartExecutionAsync(Workflows.Chain(5), "chain");
        var state = await host.WaitAsync(id);

        Assert.Equal("SUCCESS", state);
        var tasks = await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] }, default);
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], tasks.Select(t => t.Name));
        Assert.All(tasks, t => Assert.Equal("SUCCESS", t.State));
        Assert.Equal("{\"v3\":3}", tasks[3].PublishedJson);
        var t3 = await host.Store.Executions.GetTaskExecutionAsync(tasks[3].Id, default);
        Assert.Equal("3", t3?.ResultJson);
        var history = await host.Store.Durable.ListEventsAsync(id, 0, 1000, default);
        Assert.Equal("StartWorkflow", history[0].Kind);
        Assert.Equal(5, history.Count(e => e.Kind == "ActionCompleted"));
    }

    [Fact]
    public async Task The_history_records_a_with_items_task_changing_state_not_each_item_it_counts()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartExecutionAsync(Workflows.WithItems(6), "fan");

        Assert.Equal("SUCCESS", await host.WaitAsync(id));
        var history = await host.Store.Durable.ListEventsAsync(id, 0, 1000, default);
        Assert.Equal(7, history.Count(e => e.Kind == "ActionCompleted"));
        var fanLines = history.Where(e => e.Kind.StartsWith("Task", StringComparison.Ordinal) && e.PayloadJson!.Contains("\"fan\"", StringComparison.Ordinal)).Select(e => e.Kind);
        Assert.Equal(["TaskRUNNING", "TaskSUCCESS"], fanLines);
    }

    [Fact]
    public async Task A_wait_before_timer_fires_and_the_task_runs()
    {
        await using var host = await StartHostAsync();
        const string yaml = """
            version: '2.0'
            waiting:
              tasks:
                later:
                  action: std.echo output=1
                  wait-before: 1
            """;

        var id = await host.StartExecutionAsync(yaml, "waiting");

        Assert.Equal("SUCCESS", await host.WaitAsync(id, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_timeout_fails_a_delegate_that_never_answers()
    {
        await using var host = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null));
        const string yaml = """
            version: '2.0'
            slow:
              tasks:
                ask:
                  action: std.async_noop
                  timeout: 1
            """;

        var id = await host.StartExecutionAsync(yaml, "slow");

        Assert.Equal("ERROR", await host.WaitAsync(id, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Disposing_the_runtime_twice_is_harmless()
    {
        // A host that stops and then disposes its services disposes the runtime twice.
        await using var host = await StartHostAsync();

        await host.Runtime.DisposeAsync();
        var second = await Record.ExceptionAsync(async () => await host.Runtime.DisposeAsync());

        Assert.Null(second);
    }

    [Fact]
    public async Task An_action_output_over_the_size_limit_fails_its_task_with_the_limit_message()
    {
        StoreOptions.MaxFieldBytes = 1024;
        await using var host = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Success, "\"" + new string('x', 5000) + "\""));

        var id = await host.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");

        Assert.Equal("ERROR", await host.WaitAsync(id));
        var task = Assert.Single(await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] }, default));
        Assert.Contains("Field size limit exceeded [class=ActionExecution, field=output", task.StateInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_output_over_the_size_limit_fails_the_execution_instead_of_stranding_it()
    {
        // Each publish fits; the final context, the workflow's output, does not.
        StoreOptions.MaxFieldBytes = 1024;
        var half = new string('x', 600);
        var yaml = "version: '2.0'\nbig:\n  tasks:\n    a:\n      action: test.echo\n      publish:\n        a: " + half +
            "\n      on-success: b\n    b:\n      action: test.echo\n      publish:\n        b: " + half + "\n";
        await using var host = await StartHostAsync();

        var id = await host.StartExecutionAsync(yaml, "big");

        Assert.Equal("ERROR", await host.WaitAsync(id));
        var execution = await host.Store.Executions.GetWorkflowExecutionAsync(id, default);
        Assert.StartsWith("Failed to handle action completion [error=Field size limit exceeded [class=WorkflowExecution, field=output", execution!.StateInfo, StringComparison.Ordinal);
        Assert.Equal("{}", execution.OutputJson);
        var tasks = await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)], SortKeys = ["name"] }, default);
        Assert.Equal(["SUCCESS", "ERROR"], tasks.Select(t => t.State));
    }

    [Fact]
    public async Task Starting_the_same_execution_twice_is_a_duplicate_not_a_second_run()
    {
        await using var host = await StartHostAsync();
        var id = await host.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");

        var again = await host.Runtime.SubmitAsync(new Engine.Events.StartWorkflow(id, Expressions.Values.DictValue.Empty, Expressions.Values.DictValue.Empty), new Persistence.Execution.ExecutionOrigin("single", null, "", Workflows.Single(false)), default);

        Assert.Equal(EventOutcome.Duplicate, again);
        Assert.Equal("SUCCESS", await host.WaitAsync(id));
    }

    [Fact]
    public async Task A_sync_action_lost_in_a_crash_fails_its_task_unless_safe_rerun()
    {
        string unsafeId;
        string safeId;
        await using (var crashed = await StartHostAsync(script: _ => null))
        {
            unsafeId = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: false, name: "unsafe"), "unsafe");
            safeId = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: true, name: "safe"), "safe");
            await WaitUntilAsync(() => crashed.Runner.Calls >= 2);
        }

        await using var restarted = await StartHostAsync();

        Assert.Equal("ERROR", await restarted.WaitAsync(unsafeId));
        Assert.Equal("SUCCESS", await restarted.WaitAsync(safeId));
        var failed = Assert.Single(await restarted.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", unsafeId)] }, default));
        Assert.Contains("its runner was lost", failed.StateInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delegate_that_went_pending_survives_a_restart_and_completes_later()
    {
        string id;
        await using (var first = await StartHostAsync(script: r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null)))
        {
            id = await first.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
            await WaitUntilAsync(async () => (await first.Store.Executions.ListActionExecutionsAsync(ListQuery.All, false, default)).Count == 1 && first.Runner.Calls == 1);
            await WaitUntilAsync(async () => await PendingMarkedAsync(first.Store));
        }

        await using var second = await StartHostAsync();
        var action = Assert.Single(await second.Store.Executions.ListActionExecutionsAsync(ListQuery.All, false, default));
        Assert.Equal("RUNNING", action.State);

        await second.Runtime.ApplyResultAsync(new ActionResultMessage(action.Id, ActionResultKind.Success, "{\"answer\": 42}"), default);

        Assert.Equal("SUCCESS", await second.WaitAsync(id));
    }

    [Fact]
    public async Task Commands_left_in_the_outbox_by_a_crash_are_sent_at_start_up()
    {
        await using var store = await OpenStoreAsync();
        var id = Guid.NewGuid().ToString();
        await store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(new StoredExecution { Id = id, WorkflowName = "single", State = "RUNNING", DefinitionText = Workflows.Single(false), CreatedAt = DateTimeOffset.UtcNow }, ct);
                await tx.AppendOutboxAsync([new NewOutboxMessage(id, "CompleteExecution", $"{{\"execution_id\":\"{id}\",\"state\":\"SUCCESS\",\"state_info\":null,\"output\":{{}}}}")], ct);
                return 0;
            },
            default);

        await using var host = await StartHostAsync();

        await WaitUntilAsync(async () => (await host.Store.Durable.ListUndispatchedAsync(10, default)).Count == 0);
    }

    [Fact]
    public async Task Late_timers_fire_at_start_up_once()
    {
        await using var store = await OpenStoreAsync();
        var id = Guid.NewGuid().ToString();
        await store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(new StoredExecution { Id = id, WorkflowName = "single", State = "RUNNING", DefinitionText = Workflows.Single(false), CreatedAt = DateTimeOffset.UtcNow }, ct);
                await tx.ScheduleTimersAsync([new DurableTimer("late", id, "WaitBefore", "{\"task_execution_id\":\"t\"}", DateTimeOffset.UtcNow.AddHours(-1))], ct);
                return 0;
            },
            default);

        await using var host = await StartHostAsync();

        await WaitUntilAsync(async () => (await host.Store.Durable.ListEventsAsync(id, 0, 10, default)).Any(e => e.Kind == "TimerFired"));
        Assert.Null(await host.Store.Durable.NextTimerDueAsync(default));
        Assert.Single(await host.Store.Durable.ListEventsAsync(id, 0, 10, default), e => e.Kind == "TimerFired");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition) => await WaitUntilAsync(() => Task.FromResult(condition()));

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 60 s");
            await Task.Yield();
        }
    }

    private static async Task<bool> PendingMarkedAsync(ISiroccoStore store) =>
        (await store.Durable.ListLostActionsAsync("node-a", 10, default)).Count == 0;
}
