using Sirocco.Engine;
using Sirocco.Persistence;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// An engine node as the engine role composes it: the durable runtime over a shared store, publishing its
/// outbox to RabbitMQ, a result pump from the broker into the runtime, and the answer to executors' claims. Killing it drops its broker
/// connection first (unacknowledged results go to the other engines), as a dead process would.
/// </summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqActionResultQueue _results;
    private readonly Task _pump;
    private readonly RabbitMqClaimServer _claimServer;
    private readonly Task _claims;
    private bool _stopped;

    private EngineNode(ISiroccoStore store, DurableRuntime runtime, RabbitMqConnection connection)
    {
        Store = store;
        Runtime = runtime;
        _connection = connection;
        _results = new RabbitMqActionResultQueue(connection);
        _pump = new ActionResultPump(_results, runtime.ResultSink).RunAsync(_stop.Token);
        _claimServer = new RabbitMqClaimServer(connection, runtime.ClaimActionAsync);
        _claims = _claimServer.RunAsync(_stop.Token);
    }

    public ISiroccoStore Store { get; }

    public DurableRuntime Runtime { get; }

    public static async Task<EngineNode> StartAsync(string nodeId, Func<Task<ISiroccoStore>> openStore, RabbitMqOptions options)
    {
        var store = await openStore();
        var connection = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        var runtime = new DurableRuntime(
            store,
            new WorkflowEngine(),
            Expressions.Expressions.CreateEvaluator(),
            new RabbitMqTaskQueue(connection),
            new DurableRuntimeOptions { NodeId = nodeId, TimerPollInterval = TimeSpan.FromMilliseconds(50), LostActionsAtStartUp = false, OutboxRecoveryGrace = TimeSpan.FromSeconds(2) });
        await runtime.StartAsync(default);
        return new EngineNode(store, runtime, connection);
    }

    public async Task KillAsync()
    {
        await _connection.DisposeAsync();
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stop.CancelAsync();
        await _pump;
        await _claims;
        await _results.DisposeAsync();
        await _claimServer.DisposeAsync();
        await Runtime.DisposeAsync();
        await _connection.DisposeAsync();
        await Store.DisposeAsync();
        _stop.Dispose();
    }
}
