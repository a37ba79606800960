using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Unit_of_work_writes_state_outbox_and_history_together()
    {
        var execution = Execution("e1");

        var outbox = await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(execution, ct);
                await tx.AppendEventsAsync("e1", [("Started", "{}")], ct);
                return await tx.AppendOutboxAsync([new NewOutboxMessage("e1", "RunAction", "{\"a\":1}")], ct);
            },
            default);

        var pending = await Store.Durable.ListUndispatchedAsync(10, default);
        Assert.Equal(outbox.Select(o => o.Id), pending.Select(p => p.Id));
        Assert.Equal("RunAction", pending[0].Kind);
        Assert.Equal("RUNNING", (await Store.Executions.GetWorkflowExecutionAsync("e1", default))?.State);
        Assert.Equal(["Started"], (await Store.Durable.ListEventsAsync("e1", 0, 10, default)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_failing_unit_leaves_no_trace_and_fails_only_its_caller()
    {
        var gate = new TaskCompletionSource();
        var blocker = Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await gate.Task;
                await tx.SaveExecutionAsync(Execution("kept"), ct);
                return 0;
            },
            default);
        var failing = Store.Durable.ExecuteAsync<int>(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("undone"), ct);
                await tx.AppendOutboxAsync([new NewOutboxMessage("undone", "RunAction", "{}")], ct);
                throw new InvalidOperationException("engine bug");
            },
            default);
        var good = Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("also-kept"), ct);
                return 1;
            },
            default);
        gate.SetResult();

        await blocker;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(1, await good);
        Assert.NotNull(await Store.Executions.GetWorkflowExecutionAsync("kept", default));
        Assert.NotNull(await Store.Executions.GetWorkflowExecutionAsync("also-kept", default));
        Assert.Null(await Store.Executions.GetWorkflowExecutionAsync("undone", default));
        Assert.Empty(await Store.Durable.ListUndispatchedAsync(10, default));
    }

    [Fact]
    public async Task A_failing_unit_alone_in_its_commit_leaves_no_trace_and_the_next_unit_still_commits()
    {
        // Awaited one by one, each unit is alone in its group (no savepoint): the failure rolls back the transaction.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Durable.ExecuteAsync<int>(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("undone-alone"), ct);
                await tx.AppendOutboxAsync([new NewOutboxMessage("undone-alone", "RunAction", "{}")], ct);
                throw new InvalidOperationException("engine bug");
            },
            default));
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("after-alone"), ct);
                return 0;
            },
            default);

        Assert.Null(await Store.Executions.GetWorkflowExecutionAsync("undone-alone", default));
        Assert.NotNull(await Store.Executions.GetWorkflowExecutionAsync("after-alone", default));
        Assert.Empty(await Store.Durable.ListUndispatchedAsync(10, default));
    }

    [Fact]
    public async Task Concurrent_callers_share_commits()
    {
        var writer = GroupWriter();
        var gate = new TaskCompletionSource();
        var first = Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await gate.Task;
                await tx.SaveExecutionAsync(Execution("first"), ct);
                return 0;
            },
            default);
        var others = Enumerable.Range(0, 40).Select(i => Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e" + i), ct);
                return i;
            },
            default)).ToList();
        var commitsBefore = writer.Commits;
        gate.SetResult();

        await first;
        await Task.WhenAll(others);

        Assert.Equal(41, writer.Units);
        Assert.InRange(writer.Commits - commitsBefore, 1, 6);
    }

    [Fact]
    public async Task Saving_again_replaces_the_row_and_bumps_the_version()
    {
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveExecutionAsync(Execution("e"), ct); return 0; }, default);
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveExecutionAsync(Execution("e") with { State = "SUCCESS", OutputJson = "{\"x\": 1}" }, ct); return 0; }, default);

        var snapshot = await Store.Durable.ExecuteAsync((tx, ct) => tx.LoadExecutionAsync("e", ct), default);

        Assert.Equal("SUCCESS", snapshot?.Execution.State);
        Assert.Equal("{\"x\": 1}", snapshot?.Execution.OutputJson);
        Assert.Equal(1, snapshot?.Execution.Version);
    }

    [Fact]
    public async Task Tasks_and_actions_load_back_and_the_task_result_is_assembled_from_item_rows()
    {
        var task = new StoredTask { Id = "t1", WorkflowExecutionId = "e", Name = "items", State = "SUCCESS", PublishedJson = "{\"v\": 1}", RuntimeContextJson = "{\"with_items\": {\"count\": 3}}", CreatedAt = T0 };
        var actions = Enumerable.Range(0, 3).Reverse().Select(i => new StoredAction
        {
            Id = "a" + i, TaskExecutionId = "t1", WorkflowExecutionId = "e", Name = "std.echo", ItemIndex = i, State = "SUCCESS", Accepted = true,
            InputJson = $"{{\"output\": {i}}}", OutputJson = $"{{\"result\": {i * 10}}}", CreatedAt = T0,
        }).ToList();
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.SaveTasksAsync([task], ct);
                await tx.SaveActionsAsync(actions, ct);
                return 0;
            },
            default);

        var snapshot = await Store.Durable.ExecuteAsync((tx, ct) => tx.LoadExecutionAsync("e", ct), default);
        var read = await Store.Executions.GetTaskExecutionAsync("t1", default);
        var listed = await Store.Executions.ListActionExecutionsAsync(new() { Filters = [new("task_execution_id", Querying.FilterOperator.Eq, ["t1"])] }, includeOutput: false, default);

        Assert.Equal("{\"v\": 1}", Assert.Single(snapshot!.Tasks).PublishedJson);
        Assert.Equal("[0,10,20]", read?.ResultJson);
        Assert.Equal("e", read?.WorkflowExecutionId);
        Assert.Equal("wf", read?.WorkflowName);
        Assert.Equal(3, listed.Count);
        Assert.All(listed, a => Assert.Null(a.OutputJson));
        Assert.Equal("items", listed[0].TaskName);
        Assert.Equal("e", listed[0].WorkflowExecutionId);
        Assert.Equal("SUCCESS", listed[0].TaskState); // a completion refused for an ended task needs no other read
    }

    [Fact]
    public async Task Published_data_over_the_limit_fails_the_unit_with_a_clear_message()
    {
        Options.MaxFieldBytes = 100;
        var task = new StoredTask { Id = "t", WorkflowExecutionId = "e", Name = "big", State = "SUCCESS", PublishedJson = "{\"v\": \"" + new string('x', 300) + "\"}", CreatedAt = T0 };

        var error = await Assert.ThrowsAsync<FieldTooLargeException>(() => Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("e"), ct);
                await tx.SaveTasksAsync([task], ct);
                return 0;
            },
            default));

        Assert.Equal("published", error.Field);
        Assert.Contains("Field size limit exceeded [class=TaskExecution, field=published", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.Executions.GetWorkflowExecutionAsync("e", default));
    }

    [Fact]
    public async Task Dispatched_outbox_rows_are_no_longer_pending()
    {
        var appended = await Store.Durable.ExecuteAsync((tx, ct) => tx.AppendOutboxAsync([new(null, "A", "{}"), new(null, "B", "{}"), new(null, "C", "{}")], ct), default);

        await Store.Durable.MarkSentAsync([(appended[0].Id, null), (appended[2].Id, null)], null, default);
        await Store.Durable.MarkSentAsync([(appended[0].Id, null)], null, default);

        Assert.Equal(["B"], (await Store.Durable.ListUndispatchedAsync(10, default)).Select(m => m.Kind));
    }

    [Fact]
    public async Task Due_timers_are_leased_once_until_the_lease_ends_and_consumed_once()
    {
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.ScheduleTimersAsync([new("due", null, "Retry", "{}", T0.AddSeconds(-1)), new("later", null, "Wait", "{}", T0.AddMinutes(1))], ct);
                return 0;
            },
            default);

        var first = await Store.Durable.ClaimDueTimersAsync(T0, TimeSpan.FromSeconds(30), "a", 10, default);
        var whileLeased = await Store.Durable.ClaimDueTimersAsync(T0.AddSeconds(10), TimeSpan.FromSeconds(30), "b", 10, default);
        var afterLease = await Store.Durable.ClaimDueTimersAsync(T0.AddSeconds(31), TimeSpan.FromSeconds(30), "b", 10, default);
        var consumed = await Store.Durable.ExecuteAsync((tx, ct) => tx.ConsumeTimerAsync("due", ct), default);
        var consumedAgain = await Store.Durable.ExecuteAsync((tx, ct) => tx.ConsumeTimerAsync("due", ct), default);

        Assert.Equal(["due"], first.Select(t => t.Id));
        Assert.Empty(whileLeased);
        Assert.Equal(["due"], afterLease.Select(t => t.Id));
        Assert.True(consumed);
        Assert.False(consumedAgain);
        Assert.Equal(T0.AddMinutes(1), await Store.Durable.NextTimerDueAsync(default));
    }

    [Fact]
    public async Task Cancelled_timers_never_fire()
    {
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.ScheduleTimersAsync([new("t", null, "Timeout", "{}", T0)], ct); return 0; }, default);
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.CancelTimersAsync(["t", "unknown"], ct); return 0; }, default);

        Assert.Empty(await Store.Durable.ClaimDueTimersAsync(T0.AddDays(1), TimeSpan.FromSeconds(1), "a", 10, default));
    }

    [Fact]
    public async Task Retention_deletes_old_and_surplus_finished_executions_but_never_running_ones()
    {
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("old") with { State = "SUCCESS", FinishedAt = T0.AddDays(-10) }, ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "old-t", WorkflowExecutionId = "old", Name = "t", State = "SUCCESS", CreatedAt = T0 }], ct);
                await tx.AppendEventsAsync("old", [("Started", null)], ct);
                await tx.SaveExecutionAsync(Execution("running") with { CreatedAt = T0.AddDays(-30) }, ct);
                for (var i = 0; i < 5; i++)
                {
                    await tx.SaveExecutionAsync(Execution("recent" + i) with { State = "ERROR", FinishedAt = T0.AddHours(-i) }, ct);
                }

                return 0;
            },
            default);

        var byAge = await Store.Durable.ApplyRetentionAsync(new RetentionPolicy { MaxAge = TimeSpan.FromDays(7) }, T0, default);
        var byCount = await Store.Durable.ApplyRetentionAsync(new RetentionPolicy { MaxFinishedCount = 3 }, T0, default);

        Assert.Equal(1, byAge);
        Assert.Equal(2, byCount);
        var left = (await Store.Executions.ListWorkflowExecutionsAsync(Querying.ListQuery.All, false, default)).Select(e => e.Id).Order();
        Assert.Equal(["recent0", "recent1", "recent2", "running"], left);
        Assert.Null(await Store.Executions.GetTaskExecutionAsync("old-t", default));
        Assert.Empty(await Store.Durable.ListEventsAsync("old", 0, 10, default));
    }

    private protected abstract Sirocco.Persistence.Sql.GroupCommitWriter GroupWriter();

    protected static StoredExecution Execution(string id) => new()
    {
        Id = id,
        WorkflowName = "wf",
        State = "RUNNING",
        InputJson = "{}",
        ParamsJson = "{}",
        CreatedAt = T0,
    };
}
