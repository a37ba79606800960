using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>Calls without safe-rerun are published before they are marked, and only a won claim starts them.</content>
public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task A_call_published_but_not_marked_before_a_crash_runs_exactly_once_when_the_queue_outlives_the_server()
    {
        // The queue stands for a broker: the request published before the crash is still in it, and the restarted
        // server publishes the call again (its outbox row was never marked). Both copies reach the runner; only
        // the first claim wins, so the side effect happens once and the execution succeeds.
        var broker = new InProcessTaskQueue();
        string id;
        CrashingHandOver? handOver = null;
        await using (var crashed = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), handOver: _ => handOver = new CrashingHandOver(broker)))
        {
            id = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
            await WaitUntilAsync(() => handOver!.HandedOver == 1);
            Assert.Equal(0, crashed.Runner.Calls);
        }

        await using var restarted = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), queue: broker);

        Assert.Equal("SUCCESS", await restarted.WaitAsync(id));
        await WaitUntilAsync(() => restarted.Runner.LostClaims == 1);
        Assert.Equal(1, restarted.Runner.Calls);
    }

    [Fact]
    public async Task A_call_marked_SENT_but_never_claimed_before_a_crash_is_sent_again_and_succeeds()
    {
        // Single node: the in-process queue died with the server, so a SENT call that no runner claimed never
        // started. Recovery sends it again instead of failing its task as lost.
        string id;
        await using (var crashed = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), handOver: _ => new DroppingQueue()))
        {
            id = await crashed.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
            await WaitUntilAsync(async () => (await crashed.Store.Durable.ListUnclaimedActionsAsync("node-a", 10, default)).Count == 1);
        }

        await using var restarted = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"));

        Assert.Equal("SUCCESS", await restarted.WaitAsync(id));
        Assert.Equal(1, restarted.Runner.Calls);
        Assert.Equal(0, restarted.Runner.LostClaims);
    }

    [Fact]
    public async Task A_claimed_call_is_held_by_its_claimant_and_a_finished_one_cannot_be_claimed()
    {
        await using var host = await RuntimeHost.StartAsync(await OpenStoreAsync(), Options("node-a"), _ => null);
        var id = await host.StartExecutionAsync(Workflows.Single(safeRerun: false), "single");
        await WaitUntilAsync(() => host.Runner.Calls == 1);
        var action = Assert.Single(await host.Store.Executions.ListActionExecutionsAsync(Persistence.Querying.ListQuery.All, false, default));

        Assert.False(await host.Runtime.ClaimActionAsync(action.Id, "another-runner", default));
        await host.Runtime.ApplyResultAsync(new ActionResultMessage(action.Id, ActionResultKind.Success, "1"), default);
        Assert.Equal("SUCCESS", await host.WaitAsync(id));
        Assert.False(await host.Runtime.ClaimActionAsync(action.Id, "late-runner", default));
    }

    /// <summary>A hand-over into a queue that dies with the server: accepted (so the call is marked SENT), never delivered.</summary>
    private sealed class DroppingQueue : ITaskQueue
    {
        public ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public async ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
