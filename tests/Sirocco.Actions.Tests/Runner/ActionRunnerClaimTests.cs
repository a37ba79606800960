using Sirocco.Actions.Runner;
using Sirocco.Actions.Tests.Support;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Runner;

/// <summary>A call that must not run twice starts only on the runner whose claim wins.</summary>
public class ActionRunnerClaimTests
{
    [Fact]
    public async Task A_duplicate_request_whose_claim_another_runner_holds_is_dropped_silently()
    {
        // The engine published the call twice (it re-sends what it could not prove it handed over). Runner A has
        // the first copy (its only slot busy); runner B gets the second, loses the claim and drops it.
        var queue = new InProcessTaskQueue();
        var engine = new ChannelActionResultSink();
        await using var a = new RunnerHarness(new ActionRunnerOptions { MaxConcurrency = 1 }, queue, engine);
        await a.EnqueueAsync("a1", "test.gate");
        await a.StartedAsync("a1");
        await using var b = new RunnerHarness(queue: queue, sink: engine);

        await b.EnqueueAsync("a1", "test.gate");
        await Poll.UntilAsync(() => engine.ClaimAttempts == 2 && queue.Count == 0 && queue.UnacknowledgedCount == 1);
        a.Probe.Open("a1");

        Assert.Equal(ActionResultKind.Success, (await a.NextResultAsync()).Kind);
        await Poll.UntilAsync(() => queue.UnacknowledgedCount == 0);
        Assert.False(engine.Results.TryRead(out _));
        Assert.Equal(1, a.Probe.Runs("a1"));
        Assert.Equal(0, b.Probe.Runs("a1"));
    }

    [Fact]
    public async Task A_redelivered_request_whose_claim_is_won_runs_because_it_never_started()
    {
        // A runner took the request and went away before claiming it: the broker redelivers it, and the claim
        // proves that no runner ever started the call (Mistral would fail it for being redelivered).
        var queue = new InProcessTaskQueue();
        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "test.gate" });
        var taken = await queue.DequeueAsync(RunActionRequest.DefaultTarget, default);
        Assert.Equal(1, queue.RequeueUnacknowledged());
        await using var h = new RunnerHarness(queue: queue);

        await h.StartedAsync("a1");
        h.Probe.Open("a1");

        Assert.Equal(ActionResultKind.Success, (await h.NextResultAsync()).Kind);
        Assert.Equal(1, h.Probe.Runs("a1"));
        Assert.Equal(1, h.Sink.ClaimAttempts);
        Assert.False(taken.Redelivered);
    }

    [Fact]
    public async Task Requests_safe_to_run_twice_are_never_claimed()
    {
        await using var h = new RunnerHarness();
        h.Probe.Open("safe");
        h.Probe.Open("free");

        await h.EnqueueAsync("safe", "test.gate", safeRerun: true);
        await h.EnqueueAsync("free", "test.gate", claimRequired: false);

        var results = new[] { await h.NextResultAsync(), await h.NextResultAsync() };
        Assert.All(results, r => Assert.Equal(ActionResultKind.Success, r.Kind));
        Assert.Equal(0, h.Sink.ClaimAttempts);
    }

    [Fact]
    public async Task A_request_without_a_claim_field_is_claimed()
    {
        // An older sender does not set the field: the default keeps the call from running twice.
        var request = System.Text.Json.JsonSerializer.Deserialize<RunActionRequest>("""{"actionExecutionId": "a1", "actionName": "std.noop"}""", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        await using var h = new RunnerHarness();

        await h.Queue.EnqueueAsync(request);

        Assert.Equal(ActionResultKind.Success, (await h.NextResultAsync()).Kind);
        Assert.True(request.ClaimRequired);
        Assert.Equal(1, h.Sink.ClaimAttempts);
    }

    [Fact]
    public async Task A_claim_that_cannot_reach_the_engine_is_retried_after_a_pause_and_the_call_runs_once()
    {
        var queue = new InProcessTaskQueue();
        var sink = new FlakySink(failures: 0, claimFailures: 2);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var registry = Contexts.Standard();
        var probe = new GateProbe();
        registry.Register(typeof(GateAction), () => new GateAction(probe));
        using var stop = new CancellationTokenSource();
        var runner = new ActionRunner(registry, queue, sink, new ActionRunnerOptions { HeartbeatInterval = TimeSpan.Zero }, time);
        var running = runner.RunAsync(stop.Token);
        probe.Open("a1");

        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "test.gate" });
        await Poll.UntilAsync(() => sink.ClaimAttempts == 1);
        Assert.Equal(0, probe.Runs("a1"));
        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => sink.ClaimAttempts == 2);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ActionResultKind.Success, (await sink.Reported.Task.WaitAsync(TimeSpan.FromSeconds(20))).Kind);
        Assert.Equal(3, sink.ClaimAttempts);
        Assert.Equal(1, probe.Runs("a1"));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_runner_stopping_while_its_claim_waits_hands_the_request_back()
    {
        var queue = new InProcessTaskQueue();
        var sink = new FlakySink(failures: 0, claimFailures: int.MaxValue);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var runner = new ActionRunner(Contexts.Standard(), queue, sink, new ActionRunnerOptions { HeartbeatInterval = TimeSpan.Zero }, time);
        var running = runner.RunAsync(stop.Token);

        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "std.noop" });
        await Poll.UntilAsync(() => sink.ClaimAttempts == 1);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, queue.Count);
        Assert.False(sink.Reported.Task.IsCompleted);
    }
}
