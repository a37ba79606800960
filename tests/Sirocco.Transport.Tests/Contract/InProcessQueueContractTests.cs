namespace Sirocco.Transport.Tests.Contract;

/// <summary>The queue contract on the embedded, in-memory queues.</summary>
public sealed class InProcessQueueContractTests : TaskQueueContract
{
    protected override IQueueHarness CreateHarness() => new InProcessHarness();
}
