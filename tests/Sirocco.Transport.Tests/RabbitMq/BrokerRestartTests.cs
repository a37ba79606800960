using Sirocco.Transport.Queues;
using Sirocco.Transport.Tests.Contract;
using Sirocco.Transport.Tests.Support;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>The broker is stopped and started again while Sirocco's nodes are connected.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BrokerRestartTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static RunActionRequest Request(string id, string target = RunActionRequest.DefaultTarget) =>
        new() { ActionExecutionId = id, ActionName = "std.noop", Target = target };

    [Fact]
    public async Task BrokerRestart_ConsumersResubscribe_DurableMessagesSurvive_AndUnackedComesBack()
    {
        await using var harness = new RabbitMqHarness(broker);
        var consumer = await harness.ConsumerAsync();
        await harness.Producer.EnqueueAsync(Request("held"));
        await harness.Producer.EnqueueAsync(Request("stored", target: "later"));
        var held = await consumer.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);
        var generation = harness.ProducerConnection.Generation;

        await broker.RestartAsync();
        // The delivery from before the crash cannot be settled any more; acking it is harmless.
        await held.AckAsync();
        await harness.Producer.EnqueueAsync(Request("after"));

        var seen = new List<string>();
        while (!seen.Contains("after"))
        {
            var delivery = await consumer.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);
            seen.Add(delivery.Request.ActionExecutionId);
            await delivery.AckAsync();
        }

        var stored = await consumer.DequeueAsync("later", CancellationToken.None).AsTask().WaitAsync(Deadline);
        Assert.Equal(["held", "after"], seen);
        Assert.Equal("stored", stored.Request.ActionExecutionId);
        Assert.True(harness.ProducerConnection.Generation > generation);
    }

    [Fact]
    public async Task Enqueue_WhileTheBrokerIsDown_CompletesOnlyOnceItIsBackAndConfirms()
    {
        await using var harness = new RabbitMqHarness(broker);
        await harness.Producer.EnqueueAsync(Request("warm-up"));
        var queue = harness.ProducerConnection.Names.Actions(RunActionRequest.DefaultTarget);

        await broker.StopAsync();
        var enqueue = harness.Producer.EnqueueAsync(Request("during-outage")).AsTask();
        await Poll.UntilAsync(() => !harness.ProducerConnection.IsConnected, Deadline);
        Assert.False(enqueue.IsCompleted);
        await broker.StartAsync();
        await enqueue.WaitAsync(Deadline);

        Assert.Equal(2u, await RawAmqp.ReadyCountAsync(broker.Uri, queue));
    }
}
