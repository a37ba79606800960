using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Contract;
using Sirocco.Transport.Tests.Support;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>What only a broker does: confirms, prefetch, dead-lettering with a reason.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqTaskQueueTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static RunActionRequest Request(string id) => new() { ActionExecutionId = id, ActionName = "std.noop" };

    private static async Task<ITaskDelivery> TakeAsync(ITaskQueue queue) =>
        await queue.DequeueAsync(RunActionRequest.DefaultTarget, CancellationToken.None).AsTask().WaitAsync(Deadline);

    [Fact]
    public async Task EnqueueAsync_ReturnsOnlyOnceTheBrokerHoldsTheMessage()
    {
        await using var harness = new RabbitMqHarness(broker);
        for (var i = 0; i < 25; i++)
        {
            await harness.Producer.EnqueueAsync(Request($"a{i}"));
        }

        // No wait: with confirms, every enqueue that returned is already in the queue.
        Assert.Equal(25u, await RawAmqp.ReadyCountAsync(broker.Uri, harness.ProducerConnection.Names.Actions(RunActionRequest.DefaultTarget)));
    }

    [Fact]
    public async Task Prefetch_LimitsUnacknowledgedDeliveriesPerConsumer_AndAnAckFreesASlot()
    {
        await using var harness = new RabbitMqHarness(broker, prefetch: 2);
        for (var i = 0; i < 5; i++)
        {
            await harness.Producer.EnqueueAsync(Request($"a{i}"));
        }

        var a = await harness.ConsumerAsync();
        var b = await harness.ConsumerAsync();
        var heldByA = new[] { await TakeAsync(a), await TakeAsync(a) };
        var heldByB = new[] { await TakeAsync(b), await TakeAsync(b) };

        var queue = harness.ProducerConnection.Names.Actions(RunActionRequest.DefaultTarget);
        Assert.Equal(1u, await RawAmqp.ReadyCountAsync(broker.Uri, queue));
        await heldByB[0].AckAsync();
        var fifth = await TakeAsync(b);

        var ids = heldByA.Concat(heldByB).Append(fifth).Select(d => d.Request.ActionExecutionId).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(0u, await RawAmqp.ReadyCountAsync(broker.Uri, queue));
    }

    [Fact]
    public async Task MalformedMessage_IsParkedWithTheReason_AndTheNextRequestIsDelivered()
    {
        await using var harness = new RabbitMqHarness(broker);
        long parkedCount = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Sirocco.Transport.RabbitMq" && instrument.Name == "sirocco.rabbitmq.parked")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref parkedCount, value));
        listener.Start();
        var queue = harness.ProducerConnection.Names.Actions(RunActionRequest.DefaultTarget);
        await harness.Producer.EnqueueAsync(Request("before"));
        await RawAmqp.PublishAsync(broker.Uri, queue, "{not json", "sirocco.run-action");
        await harness.Producer.EnqueueAsync(Request("after"));
        var consumer = await harness.ConsumerAsync();

        Assert.Equal("before", (await TakeAsync(consumer)).Request.ActionExecutionId);
        Assert.Equal("after", (await TakeAsync(consumer)).Request.ActionExecutionId);

        var parked = await new RabbitMqDeadLetters(harness.ProducerConnection).TakeAsync();
        Assert.NotNull(parked);
        Assert.StartsWith("not a run-action request:", parked.Reason, StringComparison.Ordinal);
        Assert.Equal(queue, parked.SourceQueue);
        Assert.Equal("{not json", parked.Body);
        Assert.Equal(1, Interlocked.Read(ref parkedCount));
    }

    [Fact]
    public async Task NackWithoutRequeue_ParksTheRequestAsRejected()
    {
        await using var harness = new RabbitMqHarness(broker);
        await harness.Producer.EnqueueAsync(Request("refused"));
        var consumer = await harness.ConsumerAsync();

        await (await TakeAsync(consumer)).NackAsync(requeue: false);

        var deadLetters = new RabbitMqDeadLetters(harness.ProducerConnection);
        await Poll.UntilAsync(async () => await deadLetters.CountAsync() == 1, Deadline);
        var parked = await deadLetters.TakeAsync();
        Assert.Equal("rejected", parked?.Reason);
        Assert.Equal(harness.ProducerConnection.Names.Actions(RunActionRequest.DefaultTarget), parked?.SourceQueue);
        Assert.Contains("\"refused\"", parked?.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestThatKeepsComingBack_IsParkedAfterTheDeliveryLimit()
    {
        const int limit = 2;
        await using var harness = new RabbitMqHarness(broker, deliveryLimit: limit);
        await harness.Producer.EnqueueAsync(Request("poison"));
        var consumer = await harness.ConsumerAsync();
        var deadLetters = new RabbitMqDeadLetters(harness.ProducerConnection);
        using var stop = new CancellationTokenSource();
        var parked = Poll.UntilAsync(async () => await deadLetters.CountAsync() > 0, Deadline);

        var deliveries = 0;
        var next = consumer.DequeueAsync(RunActionRequest.DefaultTarget, stop.Token).AsTask();
        while (await Task.WhenAny(next, parked) == next)
        {
            deliveries++;
            await (await next).NackAsync(requeue: true);
            next = consumer.DequeueAsync(RunActionRequest.DefaultTarget, stop.Token).AsTask();
        }

        await stop.CancelAsync();
        await parked;
        Assert.Equal(limit + 1, deliveries);
        Assert.Equal("delivery_limit", (await deadLetters.TakeAsync())?.Reason);
    }
}
