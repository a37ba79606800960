using Sirocco.Transport.Tests.Support;

namespace Sirocco.Transport.Tests.Contract;

/// <summary>The queue contract on a real RabbitMQ the tests start.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqQueueContractTests(RabbitMqBroker broker) : TaskQueueContract
{
    protected override IQueueHarness CreateHarness() => new RabbitMqHarness(broker);
}
