using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>Lost runners: at start-up, after a crash mid-hand-over, and live through missing heartbeats.</content>
public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task A_call_without_safe_rerun_handed_over_just_before_a_crash_is_failed_not_run_again()
    {
        // The server dies after the runner got (and claimed) the request and before the hand-over was
        // recorded: the call may have started, so it is reported lost, and the copy the restarted server
        // sends again loses its claim.
        CrashingHandOver? handOver = null;
        string id;
        await using (var crashed = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), _ => null, handOver: q => handOver = new CrashingHandOver(q)))
        {
            id = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
            await WaitUntilAsync(() => crashed.Runner.Calls == 1);
        }

        await using var restarted = await StartHostAsync();

        Assert.Equal("ERROR", await restarted.WaitAsync(id));
        Assert.Equal(1, handOver!.HandedOver);
        Assert.Equal(0, restarted.Runner.Calls);
        var task = Assert.Single(await TasksOfAsync(restarted, id));
        Assert.Contains("its runner was lost", task.StateInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safe_rerun_call_handed_over_just_before_a_crash_runs_again()
    {
        string id;
        await using (var crashed = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), _ => null, handOver: q => new CrashingHandOver(q)))
        {
            id = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: true), "single");
            await WaitUntilAsync(() => crashed.Runner.Calls == 1);
        }

        await using var restarted = await StartHostAsync();

        Assert.Equal("SUCCESS", await restarted.WaitAsync(id));
        Assert.True(restarted.Runner.Calls >= 1);
    }

    [Fact]
    public async Task A_side_effect_free_call_handed_over_just_before_a_crash_runs_again_even_without_safe_rerun()
    {
        // std.echo can run twice without harm: its hand-over is not preceded by a commit of its own, so a crash
        // right after it leaves the call to be sent again rather than its task failed.
        var echo = Workflows.Single(safeRerun: false).Replace("test.echo", "std.echo", StringComparison.Ordinal);
        string id;
        await using (var crashed = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), _ => null, handOver: q => new CrashingHandOver(q)))
        {
            id = await crashed.StartExecutionAsync(echo, "single");
            await WaitUntilAsync(() => crashed.Runner.Calls == 1);
        }

        await using var restarted = await StartHostAsync();

        Assert.Equal("SUCCESS", await restarted.WaitAsync(id));
        Assert.True(restarted.Runner.Calls >= 1);
    }

    [Fact]
    public async Task A_call_committed_but_never_handed_over_runs_once_after_a_crash_even_without_safe_rerun()
    {
        // A runtime that is never started decides and commits, but dispatches nothing: the state a
        // crash right after the commit leaves. Nothing started, so running the call is safe.
        await using var store = await OpenStoreAsync();
        var id = Guid.NewGuid().ToString();
        await using (var idle = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), new InProcessTaskQueue(), Options("node-a")))
        {
            var outcome = await idle.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("single", null, "", Workflows.Single(safeRerun: false)), default);
            Assert.Equal(EventOutcome.Applied, outcome);
        }

        await using var restarted = await StartHostAsync();

        Assert.Equal("SUCCESS", await restarted.WaitAsync(id));
        Assert.Equal(1, restarted.Runner.Calls);
    }

    [Fact]
    public async Task A_live_server_reports_calls_whose_heartbeats_stopped_as_lost()
    {
        // A runner process that dies while the engine lives on: no result, no heartbeat. The unsafe
        // call fails its task; the safe one runs again (this time the runner answers).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var seen = new ConcurrentDictionary<string, int>();
        var options = Options("node-a", clock);
        await using var host = await RuntimeHost.StartAsync(await OpenStoreAsync(), options, r => seen.AddOrUpdate(r.ExecutionId!, 1, (_, n) => n + 1) == 1 ? null : ScriptedRunner.Echo(r));
        var unsafeId = await host.StartExecutionAsync(Workflows.Single(safeRerun: false, name: "unsafe"), "unsafe");
        var safeId = await host.StartExecutionAsync(Workflows.Single(safeRerun: true, name: "safe"), "safe");
        await WaitUntilAsync(() => host.Runner.Calls == 2);
        await WaitUntilAsync(async () => (await host.Store.Durable.ListLostActionsAsync("node-a", 10, default)).Count == 2);

        // The unsafe call was claimed, so it left the queue: one heartbeat timeout. The safe one, merely SENT,
        // might still wait in a queue: the first-heartbeat grace.
        clock.Advance(options.ActionHeartbeatTimeout!.Value - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.Runtime.CheckHeartbeatsAsync(default));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await host.Runtime.CheckHeartbeatsAsync(default));
        Assert.Equal("ERROR", await host.WaitAsync(unsafeId));
        clock.Advance(options.FirstHeartbeatTimeout - options.ActionHeartbeatTimeout!.Value - TimeSpan.FromSeconds(2));
        Assert.Equal(0, await host.Runtime.CheckHeartbeatsAsync(default));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await host.Runtime.CheckHeartbeatsAsync(default));

        Assert.Equal("ERROR", await host.WaitAsync(unsafeId));
        Assert.Equal("SUCCESS", await host.WaitAsync(safeId));
        Assert.Contains("its runner was lost", Assert.Single(await TasksOfAsync(host, unsafeId)).StateInfo, StringComparison.Ordinal);
        Assert.Equal(3, host.Runner.Calls);
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_call_alive_until_they_stop()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options("node-a", clock);
        await using var host = await RuntimeHost.StartAsync(await OpenStoreAsync(), options, _ => null);
        var id = await host.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
        await WaitUntilAsync(() => host.Runner.Calls == 1);
        var action = Assert.Single(await host.Store.Executions.ListActionExecutionsAsync(ListQuery.All, false, default));

        // Beats at the runner's pace carry the call well past the first-heartbeat grace.
        for (var elapsed = TimeSpan.Zero; elapsed < options.FirstHeartbeatTimeout * 2; elapsed += options.ActionHeartbeatTimeout!.Value / 2)
        {
            clock.Advance(options.ActionHeartbeatTimeout!.Value / 2);
            await host.Runtime.ResultSink.HeartbeatAsync([action.Id], default);
            Assert.Equal(0, await host.Runtime.CheckHeartbeatsAsync(default));
        }

        clock.Advance(options.ActionHeartbeatTimeout!.Value + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Runtime.CheckHeartbeatsAsync(default));
        Assert.Equal("ERROR", await host.WaitAsync(id));
    }

    [Fact]
    public async Task A_delegate_that_went_pending_is_never_reported_silent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options("node-a", clock);
        await using var host = await RuntimeHost.StartAsync(await OpenStoreAsync(), options, r => new ActionResultMessage(r.ActionExecutionId, ActionResultKind.Pending, null));
        await host.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
        await WaitUntilAsync(async () => host.Runner.Calls == 1 && (await host.Store.Durable.ListLostActionsAsync("node-a", 10, default)).Count == 0);

        clock.Advance(options.FirstHeartbeatTimeout * 10);

        Assert.Equal(0, await host.Runtime.CheckHeartbeatsAsync(default));
    }

    private static DurableRuntimeOptions Options(string node, TimeProvider? clock = null) => new()
    {
        NodeId = node,
        TimerPollInterval = TimeSpan.FromMilliseconds(50),
        Clock = clock ?? TimeProvider.System,
        ActionHeartbeatTimeout = TimeSpan.FromMinutes(5),
        FirstHeartbeatTimeout = TimeSpan.FromHours(1),

        // The tests call CheckHeartbeatsAsync themselves.
        HeartbeatCheckInterval = TimeSpan.FromDays(1),
    };

    private static async Task<IReadOnlyList<Persistence.Executions.TaskExecutionRecord>> TasksOfAsync(RuntimeHost host, string executionId) =>
        await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", executionId)] }, default);
}
