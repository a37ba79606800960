using Sirocco.Actions.Runner;
using Sirocco.Actions.Tests.Support;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Runner;

/// <summary>
/// A run slot is free again once its action returns: while the engine stores a result, the next requests
/// already run (so results reach the engine together and share its commits), up to a window of results
/// in hand; a request is still acknowledged only after its result was stored.
/// </summary>
public sealed class ReportWindowTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Next_actions_run_while_earlier_results_are_still_being_stored()
    {
        var (queue, sink, probe, stop, running) = Start(new ActionRunnerOptions { MaxConcurrency = 1, HeartbeatInterval = TimeSpan.Zero });
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            probe.Open(id);
            await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = id, ActionName = "test.gate" });
        }

        // All three ran on the one slot while no report has returned yet.
        await Poll.UntilAsync(() => sink.Entered.Count == 3);
        Assert.Empty(sink.Returned);
        Assert.Equal(3, queue.UnacknowledgedCount);
        Assert.Equal(1, probe.Peak);

        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            sink.Release(id);
        }

        await Poll.UntilAsync(() => queue.UnacknowledgedCount == 0);
        Assert.Equal(3, sink.Returned.Count);
        await stop.CancelAsync();
        await running.WaitAsync(Deadline);
    }

    [Fact]
    public async Task No_more_results_wait_to_be_stored_than_the_window_allows()
    {
        var (queue, sink, probe, stop, running) = Start(new ActionRunnerOptions { MaxConcurrency = 1, MaxUnreportedResults = 1, HeartbeatInterval = TimeSpan.Zero });
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            probe.Open(id);
            await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = id, ActionName = "test.gate" });
        }

        // One slot plus a window of one: two deliveries in hand, the third waits in the queue.
        await Poll.UntilAsync(() => sink.Entered.Count == 2);
        Assert.Equal(1, queue.Count);
        Assert.Equal(2, queue.UnacknowledgedCount);

        sink.Release("a1");
        await Poll.UntilAsync(() => sink.Entered.Count == 3);
        sink.Release("a2");
        sink.Release("a3");
        await Poll.UntilAsync(() => queue.UnacknowledgedCount == 0 && queue.Count == 0);
        Assert.Equal(["a1", "a2", "a3"], sink.Returned.Order());
        await stop.CancelAsync();
        await running.WaitAsync(Deadline);
    }

    private static (InProcessTaskQueue Queue, HeldSink Sink, GateProbe Probe, CancellationTokenSource Stop, Task Running) Start(ActionRunnerOptions options)
    {
        var queue = new InProcessTaskQueue();
        var sink = new HeldSink();
        var registry = Contexts.Standard();
        var probe = new GateProbe();
        registry.Register(typeof(GateAction), () => new GateAction(probe));
        var stop = new CancellationTokenSource();
        var runner = new ActionRunner(registry, queue, sink, options);
        return (queue, sink, probe, stop, runner.RunAsync(stop.Token));
    }
}
