using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Support;

namespace Sirocco.Transport.Tests.Contract;

/// <summary>
/// Every node has its own connection to the shared test broker, under a prefix of its own per test so
/// tests never see each other's queues. A death closes that node's connection, as a killed process would.
/// </summary>
internal sealed class RabbitMqHarness : IQueueHarness
{
    private readonly RabbitMqBroker _broker;
    private readonly List<RabbitMqConnection> _connections = [];
    private readonly Dictionary<object, RabbitMqConnection> _owners = [];

    public RabbitMqHarness(RabbitMqBroker broker, ushort prefetch = 16, int deliveryLimit = 10)
    {
        _broker = broker;
        Options = new RabbitMqOptions
        {
            Uri = broker.Uri,
            Prefix = "t" + Guid.NewGuid().ToString("N")[..10],
            Prefetch = prefetch,
            DeliveryLimit = deliveryLimit,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        };
        ProducerConnection = Connect();
        Producer = new RabbitMqTaskQueue(ProducerConnection);
        ResultSink = new RabbitMqActionResultQueue(ProducerConnection);
    }

    public RabbitMqOptions Options { get; }

    public RabbitMqConnection ProducerConnection { get; }

    public ITaskQueue Producer { get; }

    public IActionResultSink ResultSink { get; }

    public RabbitMqConnection Connect()
    {
        var connection = new RabbitMqConnection(Options, StderrLoggerFactory.FromEnvironment());
        _connections.Add(connection);
        return connection;
    }

    public ValueTask<ITaskQueue> ConsumerAsync() => ValueTask.FromResult<ITaskQueue>(Own(new RabbitMqTaskQueue(Connect())));

    public ValueTask<IActionResultSource> ResultReceiverAsync() => ValueTask.FromResult<IActionResultSource>(Own(new RabbitMqActionResultQueue(Connect())));

    public ValueTask KillAsync(ITaskQueue consumer) => _owners[consumer].DisposeAsync();

    public ValueTask KillAsync(IActionResultSource receiver) => _owners[receiver].DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private T Own<T>(T node)
        where T : notnull
    {
        _owners[node] = _connections[^1];
        return node;
    }

    public override string ToString() => $"RabbitMQ on {_broker.Uri}";
}
