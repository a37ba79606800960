using Sirocco.Actions.Runner;
using Sirocco.Actions.Tests.Support;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Runner;

public class ActionRunnerTests
{
    [Fact]
    public async Task Runs_an_action_reports_its_output_then_acknowledges()
    {
        await using var h = new RunnerHarness();

        await h.EnqueueAsync("a1", "std.echo", """{"output": {"x": [1, 2]}}""");

        Assert.Equal(new ActionResultMessage("a1", ActionResultKind.Success, """{"x":[1,2]}"""), await h.NextResultAsync());
        await Poll.UntilAsync(() => h.Queue.UnacknowledgedCount == 0 && h.Queue.Count == 0);
    }

    [Fact]
    public async Task Error_value_is_reported_as_error()
    {
        await using var h = new RunnerHarness();

        await h.EnqueueAsync("a1", "std.fail", """{"error_data": "broken"}""");

        Assert.Equal(new ActionResultMessage("a1", ActionResultKind.Error, "\"broken\""), await h.NextResultAsync());
    }

    [Fact]
    public async Task Exception_becomes_error_with_Mistral_message()
    {
        await using var h = new RunnerHarness();

        await h.EnqueueAsync("a1", "std.fail");

        var result = await h.NextResultAsync();
        Assert.Equal(ActionResultKind.Error, result.Kind);
        Assert.Equal(
            "The action raised an exception [action=Fail action, action_ex_id=a1, msg='Fail action expected exception.']",
            ErrorText(result));
    }

    [Theory]
    [InlineData("std.nope", "{}", "Failed to find action [action_name=std.nope]")]
    [InlineData("std.echo", """{"out": 1}""", "Invalid input [name=std.echo, class=EchoAction, missing=['output'], unexpected=['out']]")]
    [InlineData("std.echo", "[1]", "Invalid input [name=std.echo]: the input must be a dictionary")]
    public async Task Request_that_cannot_start_is_reported_as_error(string action, string input, string message)
    {
        await using var h = new RunnerHarness();

        await h.EnqueueAsync("a1", action, input);

        var result = await h.NextResultAsync();
        Assert.Equal(ActionResultKind.Error, result.Kind);
        Assert.Equal(message, ErrorText(result));
    }

    [Fact]
    public async Task Delegate_is_reported_pending()
    {
        await using var h = new RunnerHarness();

        await h.EnqueueAsync("a1", "std.async_noop");

        Assert.Equal(new ActionResultMessage("a1", ActionResultKind.Pending, null), await h.NextResultAsync());
    }

    [Fact]
    public async Task No_more_actions_run_at_once_than_the_concurrency_allows()
    {
        await using var h = new RunnerHarness(new ActionRunnerOptions { MaxConcurrency = 2 });
        string[] ids = ["a1", "a2", "a3", "a4", "a5"];
        foreach (var id in ids)
        {
            await h.EnqueueAsync(id, "test.gate");
        }

        await h.StartedAsync("a1");
        await h.StartedAsync("a2");
        Assert.Equal(3, h.Queue.Count);
        Assert.Equal(2, h.Runner.Running.Count);
        var results = new List<ActionResultMessage>();
        foreach (var id in ids)
        {
            await h.StartedAsync(id);
            h.Probe.Open(id);
            results.Add(await h.NextResultAsync());
        }

        Assert.Equal(2, h.Probe.Peak);
        Assert.Equal(ids, results.Select(r => r.ActionExecutionId).Order());
    }

    [Fact]
    public async Task Second_delivery_of_a_running_action_does_not_run_it_again()
    {
        await using var h = new RunnerHarness();
        await h.EnqueueAsync("a1", "test.gate");
        await h.StartedAsync("a1");

        await h.EnqueueAsync("a1", "test.gate");
        await Poll.UntilAsync(() => h.Queue.Count == 0 && h.Queue.UnacknowledgedCount == 1);
        h.Probe.Open("a1");

        Assert.Equal(ActionResultKind.Success, (await h.NextResultAsync()).Kind);
        Assert.Equal(1, h.Probe.Runs("a1"));
        await Poll.UntilAsync(() => h.Queue.UnacknowledgedCount == 0);
        Assert.False(h.Sink.Results.TryRead(out _));
    }

    [Fact]
    public async Task Second_delivery_of_a_finished_action_reports_the_same_result_without_running()
    {
        await using var h = new RunnerHarness();
        h.Probe.Open("a1");
        await h.EnqueueAsync("a1", "test.gate");
        var first = await h.NextResultAsync();

        await h.EnqueueAsync("a1", "test.gate");

        Assert.Equal(first, await h.NextResultAsync());
        Assert.Equal(1, h.Probe.Runs("a1"));
    }

    [Fact]
    public async Task Action_running_past_its_timeout_is_stopped_and_reported()
    {
        await using var h = new RunnerHarness();
        await h.EnqueueAsync("a1", "test.gate", timeout: TimeSpan.FromSeconds(10));
        await h.StartedAsync("a1");

        h.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(h.Sink.Results.TryPeek(out _));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var result = await h.NextResultAsync();
        Assert.Equal(ActionResultKind.Error, result.Kind);
        Assert.Equal("The action timed out [action=test.gate, action_ex_id=a1, timeout=10s]", ErrorText(result));
    }

    [Fact]
    public async Task Default_timeout_applies_to_requests_without_one()
    {
        await using var h = new RunnerHarness(new ActionRunnerOptions { DefaultTimeout = TimeSpan.FromSeconds(3) });
        await h.EnqueueAsync("a1", "test.gate");
        await h.StartedAsync("a1");

        h.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Contains("timed out", (await h.NextResultAsync()).ValueJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_is_reported_even_when_the_action_ignores_cancellation()
    {
        await using var h = new RunnerHarness();
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Registry.Register(typeof(BlockingAction), () => new BlockingAction(release, started));
        await h.EnqueueAsync("a1", "test.stubborn", timeout: TimeSpan.FromSeconds(5));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        h.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(ActionResultKind.Error, (await h.NextResultAsync()).Kind);
        release.Set();
    }

    [Fact]
    public async Task Cancel_stops_a_running_action_and_reports_cancelled()
    {
        await using var h = new RunnerHarness();
        await h.EnqueueAsync("a1", "test.gate");
        await h.StartedAsync("a1");

        Assert.True(h.Runner.Cancel("a1"));

        Assert.Equal(new ActionResultMessage("a1", ActionResultKind.Cancelled, null), await h.NextResultAsync());
    }

    [Fact]
    public async Task Cancel_before_delivery_reports_cancelled_without_running()
    {
        await using var h = new RunnerHarness();

        Assert.False(h.Runner.Cancel("a1"));
        await h.EnqueueAsync("a1", "test.gate");

        Assert.Equal(ActionResultKind.Cancelled, (await h.NextResultAsync()).Kind);
        Assert.Equal(0, h.Probe.Runs("a1"));
    }

    [Fact]
    public async Task Long_running_actions_are_reported_alive_at_each_heartbeat_interval()
    {
        await using var h = new RunnerHarness(new ActionRunnerOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        await h.EnqueueAsync("a1", "test.gate");
        await h.EnqueueAsync("a2", "test.gate");
        await h.StartedAsync("a1");
        await h.StartedAsync("a2");

        h.Time.Advance(TimeSpan.FromSeconds(5));
        var beat = await h.Sink.Heartbeats.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["a1", "a2"], beat.Order());

        h.Probe.Open("a1");
        await h.NextResultAsync();
        await Poll.UntilAsync(() => h.Runner.Running.Count == 1);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        beat = await h.Sink.Heartbeats.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["a2"], beat);
    }

    [Fact]
    public async Task Redelivered_request_that_is_not_safe_to_rerun_fails_with_Mistral_message()
    {
        // Both runners report to one engine, which holds the first runner's claim.
        var queue = new InProcessTaskQueue();
        var engine = new ChannelActionResultSink();
        await using (var first = new RunnerHarness(queue: queue, sink: engine))
        {
            await first.EnqueueAsync("a1", "test.gate", safeRerun: false);
            await first.StartedAsync("a1");
            await first.StopAsync();
        }

        await using var second = new RunnerHarness(queue: queue, sink: engine);

        var result = await second.NextResultAsync();
        Assert.Equal(ActionResultKind.Error, result.Kind);
        Assert.Equal(
            "Request to run an action was redelivered, but it cannot be re-run safely. The only safe thing to do is fail it [action=test.gate].",
            ErrorText(result));
        Assert.Equal(0, second.Probe.Runs("a1"));
    }

    [Fact]
    public async Task Redelivered_request_marked_safe_rerun_runs_again()
    {
        var queue = new InProcessTaskQueue();
        await using (var first = new RunnerHarness(queue: queue))
        {
            await first.EnqueueAsync("a1", "test.gate", safeRerun: true);
            await first.StartedAsync("a1");
            await first.StopAsync();
            Assert.False(first.Sink.Results.TryRead(out _));
        }

        await using var second = new RunnerHarness(queue: queue);
        await second.StartedAsync("a1");
        second.Probe.Open("a1");

        Assert.Equal(ActionResultKind.Success, (await second.NextResultAsync()).Kind);
    }

    [Fact]
    public async Task Requests_of_a_runner_that_is_lost_mid_action_are_failed_by_the_next_runner_unless_safe_to_rerun()
    {
        // The first runner hangs inside both actions (one slot each busy), as a crashed process would look to
        // a broker; its connection "drops" and the broker hands the unacknowledged requests to the next runner.
        var queue = new InProcessTaskQueue();
        var engine = new ChannelActionResultSink();
        await using var lost = new RunnerHarness(new ActionRunnerOptions { MaxConcurrency = 2 }, queue, engine);
        await lost.EnqueueAsync("unsafe", "test.gate", safeRerun: false);
        await lost.EnqueueAsync("safe", "test.gate", safeRerun: true);
        await lost.StartedAsync("unsafe");
        await lost.StartedAsync("safe");

        Assert.Equal(2, queue.RequeueUnacknowledged());
        await using var next = new RunnerHarness(queue: queue, sink: engine);
        await next.StartedAsync("safe");
        next.Probe.Open("safe");

        var results = new[] { await next.NextResultAsync(), await next.NextResultAsync() }.ToDictionary(r => r.ActionExecutionId);
        Assert.Equal(ActionResultKind.Error, results["unsafe"].Kind);
        Assert.StartsWith("Request to run an action was redelivered", ErrorText(results["unsafe"]), StringComparison.Ordinal);
        Assert.Equal(ActionResultKind.Success, results["safe"].Kind);
        Assert.Equal(0, next.Probe.Runs("unsafe"));
    }

    [Fact]
    public async Task Failed_report_is_retried_after_a_pause_without_rerunning_the_action()
    {
        var queue = new InProcessTaskQueue();
        var sink = new FlakySink(failures: 1);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var (registry, probe) = GateRegistry();
        using var stop = new CancellationTokenSource();
        var runner = new ActionRunner(registry, queue, sink, new ActionRunnerOptions { HeartbeatInterval = TimeSpan.Zero }, time);
        var running = runner.RunAsync(stop.Token);
        probe.Open("a1");

        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "test.gate" });
        await Poll.UntilAsync(() => sink.Attempts == 1);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ActionResultKind.Success, (await sink.Reported.Task.WaitAsync(TimeSpan.FromSeconds(20))).Kind);
        Assert.Equal(2, sink.Attempts);
        Assert.Equal(1, probe.Runs("a1"));
        await Poll.UntilAsync(() => queue.UnacknowledgedCount == 0);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Result_that_cannot_be_reported_goes_back_to_the_queue_and_is_reported_again_without_rerunning()
    {
        var queue = new InProcessTaskQueue();
        var sink = new FlakySink(failures: 3);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var (registry, probe) = GateRegistry();
        using var stop = new CancellationTokenSource();
        var runner = new ActionRunner(registry, queue, sink, new ActionRunnerOptions { HeartbeatInterval = TimeSpan.Zero }, time);
        var running = runner.RunAsync(stop.Token);
        probe.Open("a1");

        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "test.gate" });
        await Poll.UntilAsync(() => sink.Attempts == 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => sink.Attempts == 2);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ActionResultKind.Success, (await sink.Reported.Task.WaitAsync(TimeSpan.FromSeconds(20))).Kind);
        Assert.Equal(4, sink.Attempts);
        Assert.Equal(1, probe.Runs("a1"));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Fault_of_the_runner_itself_is_reported_as_an_error_once()
    {
        var queue = new InProcessTaskQueue();
        var sink = new ChannelActionResultSink();
        var (registry, _) = GateRegistry();
        using var stop = new CancellationTokenSource();
        var runner = new ActionRunner(registry, queue, sink, loggerFactory: new ThrowingLoggerFactory("Sirocco.Actions.Tests.Support.GateAction"));
        var running = runner.RunAsync(stop.Token);

        await queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "a1", ActionName = "test.gate" });

        var result = await sink.Results.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ActionResultKind.Error, result.Kind);
        Assert.Equal("The action runner failed [action=test.gate, action_ex_id=a1, msg='no logger here']", ErrorText(result));
        await Poll.UntilAsync(() => queue.UnacknowledgedCount == 0 && queue.Count == 0);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Runner_consumes_only_its_target_queue()
    {
        await using var h = new RunnerHarness(new ActionRunnerOptions { Target = "edge" });
        await h.Queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "other", ActionName = "std.noop" });
        await h.Queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = "mine", ActionName = "std.noop", Target = "edge" });

        Assert.Equal("mine", (await h.NextResultAsync()).ActionExecutionId);
        Assert.Equal(1, h.Queue.Count);
    }

    [Fact]
    public void Options_are_validated()
    {
        var registry = new Sirocco.Actions.Registry.ActionRegistry();

        Assert.Throws<ArgumentOutOfRangeException>(() => new ActionRunner(
            registry, new InProcessTaskQueue(), new ChannelActionResultSink(), new ActionRunnerOptions { MaxConcurrency = 0 }));
    }

    private static (Sirocco.Actions.Registry.ActionRegistry Registry, GateProbe Probe) GateRegistry()
    {
        var registry = Contexts.Standard();
        var probe = new GateProbe();
        registry.Register(typeof(GateAction), () => new GateAction(probe));
        return (registry, probe);
    }

    private static string ErrorText(ActionResultMessage result) =>
        ((Sirocco.Expressions.Values.StringValue)Sirocco.Expressions.Values.JsonValues.Parse(result.ValueJson!)).Value;
}
