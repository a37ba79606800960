namespace Sirocco.Transport.Tests.Support;

/// <summary>Tests that share one throwaway broker; they run one after another (one restarts it).</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "rabbitmq";
}
