using Microsoft.Extensions.Logging;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Runner;
using Sirocco.Actions.Standard;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Cli;

/// <summary>
/// The background work of a distributed <c>sirocco server</c> process: for <c>engine</c>, a result pump from
/// the broker into the durable runtime; for <c>engine</c> or <c>scheduler</c>, the durable runtime itself
/// (recovery, outbox dispatch to RabbitMQ, the timer poller); for <c>executor</c>, an action runner on the
/// target's queue. The runtime is built by the caller (the API host shares it with its endpoints).
/// </summary>
internal sealed class DistributedNode(
    IReadOnlySet<string> roles,
    RabbitMqConnection connection,
    DurableRuntime? runtime,
    DistributedSettings settings,
    ILoggerFactory loggers,
    bool ownsRuntime) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private RabbitMqActionResultQueue? _pumpSource;
    private RabbitMqRequestServer? _requests;
    private EngineRequestPump? _requestPump;
    private RabbitMqTaskQueue? _runnerQueue;
    private RabbitMqActionResultQueue? _runnerResults;
    private ActionRunner? _runner;
    private bool _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (runtime is not null)
        {
            await runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (roles.Contains(ServerRoles.Engine))
        {
            _pumpSource = new RabbitMqActionResultQueue(connection);
            var pump = new ActionResultPump(_pumpSource, runtime!.ResultSink);
            _loops.Add(Task.Run(() => pump.RunAsync(_stopping.Token), CancellationToken.None));

            // Requests of API-only nodes (start, completion, pause…) are applied by whichever engine takes them.
            _requests = new RabbitMqRequestServer(connection);
            _requestPump = new EngineRequestPump(_requests, runtime, loggers.CreateLogger<EngineRequestPump>());
            var requestPump = _requestPump;
            _loops.Add(Task.Run(() => requestPump.RunAsync(_stopping.Token), CancellationToken.None));
        }

        if (roles.Contains(ServerRoles.Executor))
        {
            _runnerQueue = new RabbitMqTaskQueue(connection);
            _runnerResults = new RabbitMqActionResultQueue(connection);
            _runner = new ActionRunner(
                new ActionRegistry().AddStandardActions(),
                _runnerQueue,
                _runnerResults,
                new ActionRunnerOptions { Target = settings.Target, MaxConcurrency = settings.Concurrency },
                loggerFactory: loggers);
            var runner = _runner;
            _loops.Add(Task.Run(() => runner.RunAsync(_stopping.Token), CancellationToken.None));
        }
    }

    /// <summary>What <c>/health</c> reports for this process's background roles.</summary>
    public object Status() => new
    {
        status = connection.IsConnected ? "ok" : "broker unreachable",
        roles = roles.Order(StringComparer.Ordinal).ToArray(),
        nodeId = settings.NodeId,
        brokerConnected = connection.IsConnected,
        brokerConnections = connection.Generation,
        target = roles.Contains(ServerRoles.Executor) ? settings.Target : null,
        running = _runner?.Running.Count,
    };

    public bool Healthy => connection.IsConnected;

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end of the loops.
        }

        if (ownsRuntime && runtime is not null)
        {
            // In the API host the container owns (and disposes) the runtime the endpoints share.
            await runtime.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeIfAsync(_pumpSource).ConfigureAwait(false);
        await DisposeIfAsync(_requests).ConfigureAwait(false);
        await DisposeIfAsync(_runnerResults).ConfigureAwait(false);
        await DisposeIfAsync(_runnerQueue).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static ValueTask DisposeIfAsync(IAsyncDisposable? disposable) =>
        disposable?.DisposeAsync() ?? ValueTask.CompletedTask;
}
