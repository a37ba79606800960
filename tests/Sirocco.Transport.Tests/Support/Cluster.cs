using Sirocco.Actions.Registry;
using Sirocco.Actions.Runner;
using Sirocco.Actions.Standard;
using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// Executor and engine nodes on the test broker, each with a connection of its own as a separate process
/// would have: executors run the real <see cref="ActionRunner"/>, the engine pumps results into a
/// <see cref="RecordingSink"/>. Killing a node closes its connection first, so the broker takes back
/// what it held, then stops what is left of it.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly List<Node> _nodes = [];

    public Cluster(RabbitMqBroker broker, ushort prefetch = 8)
    {
        _options = new RabbitMqOptions
        {
            Uri = broker.Uri,
            Prefix = "c" + Guid.NewGuid().ToString("N")[..10],
            Prefetch = prefetch,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            ConfirmTimeout = TimeSpan.FromSeconds(10),
        };
        Client = new RabbitMqConnection(_options, StderrLoggerFactory.FromEnvironment());
        Queue = new RabbitMqTaskQueue(Client);
    }

    public CountingProbe Probe { get; } = new();

    public RecordingSink Engine { get; } = new();

    public RabbitMqConnection Client { get; }

    public ITaskQueue Queue { get; }

    public Node StartExecutor(int concurrency = 8)
    {
        var connection = new RabbitMqConnection(_options, StderrLoggerFactory.FromEnvironment());
        var registry = new ActionRegistry().AddStandardActions();
        registry.Register(typeof(CountingAction), () => new CountingAction(Probe));
        var runner = new ActionRunner(
            registry,
            new RabbitMqTaskQueue(connection),
            new RabbitMqActionResultQueue(connection, claim: Engine.ClaimAsync),
            new ActionRunnerOptions { MaxConcurrency = concurrency, HeartbeatInterval = TimeSpan.Zero });
        return Track(new Node(connection, runner.RunAsync));
    }

    public Node StartEngine()
    {
        var connection = new RabbitMqConnection(_options, StderrLoggerFactory.FromEnvironment());
        var pump = new ActionResultPump(new RabbitMqActionResultQueue(connection), Engine);
        return Track(new Node(connection, pump.RunAsync));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync();
        }

        await Client.DisposeAsync();
    }

    private Node Track(Node node)
    {
        _nodes.Add(node);
        return node;
    }

    public sealed class Node
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public Node(RabbitMqConnection connection, Func<CancellationToken, Task> run)
        {
            Connection = connection;
            _running = Task.Run(() => run(_stop.Token));
        }

        public RabbitMqConnection Connection { get; }

        /// <summary>As kill -9: the broker sees the connection drop before anything is handed back.</summary>
        public async Task KillAsync()
        {
            await Connection.DisposeAsync();
            await StopAsync();
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                // Stopped while waiting on its (closed) connection.
            }

            await Connection.DisposeAsync();
        }
    }
}
