using Sirocco.Transport.Queues;

namespace Sirocco.Transport.Tests.Contract;

/// <summary>
/// What every <see cref="ITaskQueue"/> and result path must do, whatever carries the messages.
/// "Not delivered again" is checked without waiting: a marker enqueued afterwards must come out next.
/// </summary>
public abstract class TaskQueueContract
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    protected abstract IQueueHarness CreateHarness();

    protected static RunActionRequest Request(string id, string target = RunActionRequest.DefaultTarget) => new()
    {
        ActionExecutionId = id,
        ActionName = "std.echo",
        InputJson = """{"output":"x"}""",
        Target = target,
    };

    protected static async Task<ITaskDelivery> TakeAsync(ITaskQueue queue, string target = RunActionRequest.DefaultTarget) =>
        await queue.DequeueAsync(target, CancellationToken.None).AsTask().WaitAsync(Deadline);

    [Fact]
    public async Task Enqueue_ThenDequeue_CarriesEveryField()
    {
        await using var harness = CreateHarness();
        var sent = Request("a1") with
        {
            ExecutionId = "e1",
            TaskExecutionId = "t1",
            WorkflowName = "wf",
            CallbackUrl = new Uri("http://127.0.0.1:8989/v2/action_executions/a1"),
            Timeout = TimeSpan.FromSeconds(7),
            SafeRerun = true,
            ClaimRequired = false, // not the default, so that losing it on the way shows
        };
        await harness.Producer.EnqueueAsync(sent);

        var delivery = await TakeAsync(await harness.ConsumerAsync());

        Assert.Equal(sent, delivery.Request);
        Assert.False(delivery.Redelivered);
        await delivery.AckAsync();
    }

    [Fact]
    public async Task Dequeue_OneConsumer_KeepsEnqueueOrder()
    {
        await using var harness = CreateHarness();
        for (var i = 0; i < 5; i++)
        {
            await harness.Producer.EnqueueAsync(Request($"a{i}"));
        }

        var consumer = await harness.ConsumerAsync();
        for (var i = 0; i < 5; i++)
        {
            var delivery = await TakeAsync(consumer);
            Assert.Equal($"a{i}", delivery.Request.ActionExecutionId);
            await delivery.AckAsync();
        }
    }

    [Fact]
    public async Task Dequeue_OtherTarget_DoesNotSeeTheRequest()
    {
        await using var harness = CreateHarness();
        await harness.Producer.EnqueueAsync(Request("pinned", target: "edge"));
        await harness.Producer.EnqueueAsync(Request("plain"));
        var consumer = await harness.ConsumerAsync();

        var plain = await TakeAsync(consumer);
        var pinned = await TakeAsync(consumer, "edge");

        Assert.Equal("plain", plain.Request.ActionExecutionId);
        Assert.Equal("pinned", pinned.Request.ActionExecutionId);
        Assert.Equal("edge", pinned.Request.Target);
    }

    [Fact]
    public async Task NackWithRequeue_DeliversAgainFlaggedRedelivered()
    {
        await using var harness = CreateHarness();
        await harness.Producer.EnqueueAsync(Request("a1"));
        var consumer = await harness.ConsumerAsync();

        await (await TakeAsync(consumer)).NackAsync(requeue: true);
        var again = await TakeAsync(consumer);

        Assert.Equal("a1", again.Request.ActionExecutionId);
        Assert.True(again.Redelivered);
    }

    [Fact]
    public async Task NackWithoutRequeue_RemovesTheRequestFromTheQueue()
    {
        await using var harness = CreateHarness();
        await harness.Producer.EnqueueAsync(Request("dropped"));
        var consumer = await harness.ConsumerAsync();

        await (await TakeAsync(consumer)).NackAsync(requeue: false);
        await harness.Producer.EnqueueAsync(Request("marker"));

        Assert.Equal("marker", (await TakeAsync(consumer)).Request.ActionExecutionId);
    }

    [Fact]
    public async Task ConsumerDiesWithoutAck_AnotherConsumerGetsTheRequestFlaggedRedelivered()
    {
        await using var harness = CreateHarness();
        await harness.Producer.EnqueueAsync(Request("a1"));
        var doomed = await harness.ConsumerAsync();
        var first = await TakeAsync(doomed);
        Assert.False(first.Redelivered);

        await harness.KillAsync(doomed);
        var again = await TakeAsync(await harness.ConsumerAsync());

        Assert.Equal("a1", again.Request.ActionExecutionId);
        Assert.True(again.Redelivered);
        await again.AckAsync();
    }

    [Fact]
    public async Task ConsumerDiesAfterAck_TheRequestIsNotDeliveredAgain()
    {
        await using var harness = CreateHarness();
        await harness.Producer.EnqueueAsync(Request("done"));
        var doomed = await harness.ConsumerAsync();
        await (await TakeAsync(doomed)).AckAsync();

        await harness.KillAsync(doomed);
        await harness.Producer.EnqueueAsync(Request("marker"));

        Assert.Equal("marker", (await TakeAsync(await harness.ConsumerAsync())).Request.ActionExecutionId);
    }

    [Fact]
    public async Task CompetingConsumers_EachRequestIsDeliveredOnce()
    {
        await using var harness = CreateHarness();
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await harness.Producer.EnqueueAsync(Request($"a{i}"));
        }

        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task DrainAsync(ITaskQueue consumer)
        {
            while (seen.Count < count)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    var delivery = await consumer.DequeueAsync(RunActionRequest.DefaultTarget, stop.Token);
                    seen.Add(delivery.Request.ActionExecutionId);
                    await delivery.AckAsync();
                }
                catch (OperationCanceledException)
                {
                    // Nothing left for this consumer; the loop condition decides.
                }
            }
        }

        var a = await harness.ConsumerAsync();
        var b = await harness.ConsumerAsync();
        await Task.WhenAll(DrainAsync(a), DrainAsync(b)).WaitAsync(Deadline);

        Assert.Equal(count, seen.Count);
        Assert.Equal(count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Results_AndHeartbeats_ReachTheReceiver()
    {
        await using var harness = CreateHarness();
        await harness.ResultSink.ReportAsync(new ActionResultMessage("a1", ActionResultKind.Success, """{"x":1}"""));
        await harness.ResultSink.HeartbeatAsync(["a2", "a3"]);
        var receiver = await harness.ResultReceiverAsync();

        var result = await receiver.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Deadline);
        var heartbeat = await receiver.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Deadline);

        Assert.Equal(new ActionResultMessage("a1", ActionResultKind.Success, """{"x":1}"""), result.Result);
        Assert.Empty(result.HeartbeatIds);
        Assert.Null(heartbeat.Result);
        Assert.Equal(["a2", "a3"], heartbeat.HeartbeatIds);
        await result.AckAsync();
        await heartbeat.AckAsync();
    }

    [Fact]
    public async Task ResultReceiverDiesWithoutAck_AnotherEngineGetsTheResult()
    {
        await using var harness = CreateHarness();
        await harness.ResultSink.ReportAsync(new ActionResultMessage("a1", ActionResultKind.Error, "\"boom\""));
        var doomed = await harness.ResultReceiverAsync();
        var first = await doomed.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Deadline);
        Assert.False(first.Redelivered);

        await harness.KillAsync(doomed);
        var survivor = await harness.ResultReceiverAsync();
        var again = await survivor.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Deadline);

        Assert.Equal("a1", again.Result?.ActionExecutionId);
        Assert.True(again.Redelivered);
    }
}
