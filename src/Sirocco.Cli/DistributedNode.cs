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
    private RabbitMqActionClaims? _claims;
    private RabbitMqClaimServer? _claimServer;
    private ActionRunner? _runner;
    private CountingResultSink? _reported;
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

            // Executors claim a call before starting it; they have no database, so an engine answers.
            _claimServer = new RabbitMqClaimServer(connection, runtime.ClaimActionAsync);
            var claimServer = _claimServer;
            _loops.Add(Task.Run(() => claimServer.RunAsync(_stopping.Token), CancellationToken.None));
        }

        if (roles.Contains(ServerRoles.Scheduler))
        {
            var scheduler = runtime!.CreateCronScheduler(loggerFactory: loggers);
            _loops.Add(Task.Run(() => scheduler.RunAsync(_stopping.Token), CancellationToken.None));
        }

        if (roles.Contains(ServerRoles.Executor))
        {
            _runnerQueue = new RabbitMqTaskQueue(connection);
            // Claims go straight to the runtime when this process has one (and so the database), else to an engine.
            Func<string, string, CancellationToken, ValueTask<bool>> claim;
            if (runtime is not null)
            {
                var local = runtime;
                claim = (id, claimant, ct) => new ValueTask<bool>(local.ClaimActionAsync(id, claimant, ct));
            }
            else
            {
                _claims = new RabbitMqActionClaims(connection);
                claim = _claims.ClaimAsync;
            }

            _runnerResults = new RabbitMqActionResultQueue(connection, claim: claim);
            _reported = new CountingResultSink(_runnerResults);
            _runner = new ActionRunner(
                new ActionRegistry().AddStandardActions(),
                _runnerQueue,
                _reported,
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

    /// <summary>The <c>/metrics</c> document of this process's background roles (Prometheus text format).</summary>
    public async Task<string> MetricsAsync(CancellationToken cancellationToken)
    {
        var text = new MetricsText();
        foreach (var role in roles.Order(StringComparer.Ordinal))
        {
            text.Gauge("sirocco_role", "Roles this process plays (1 each).", 1, $"role=\"{role}\",node=\"{settings.NodeId}\"");
        }

        text.Gauge("sirocco_broker_connected", "1 while the RabbitMQ connection is open.", connection.IsConnected ? 1 : 0)
            .Counter("sirocco_broker_connections_total", "Connections opened to the broker (> 1: it reconnected).", connection.Generation);
        var queues = new List<string>();
        if (roles.Contains(ServerRoles.Engine))
        {
            queues.Add(connection.Names.Results);
            queues.Add(connection.Names.EngineRequests);
            queues.Add(connection.Names.Claims);
        }

        if (roles.Contains(ServerRoles.Executor))
        {
            queues.Add(connection.Names.Actions(settings.Target));
        }

        foreach (var queue in queues)
        {
            if (await connection.QueueDepthAsync(queue, cancellationToken).ConfigureAwait(false) is { } depth)
            {
                text.Gauge("sirocco_queue_messages", "Messages ready (not yet delivered) in a queue this process consumes.", depth.Messages, $"queue=\"{queue}\"")
                    .Gauge("sirocco_queue_consumers", "Consumers of a queue this process consumes.", depth.Consumers, $"queue=\"{queue}\"");
            }
        }

        if (runtime is not null)
        {
            text.Counter("sirocco_engine_events_applied_total", "Events decided and committed by this process's engine.", runtime.EventsApplied);
        }

        if (_requestPump is not null)
        {
            text.Counter("sirocco_engine_requests_applied_total", "Requests of API nodes applied and answered by this engine.", _requestPump.Applied);
        }

        if (_runner is not null && _reported is not null)
        {
            text.Gauge("sirocco_executor_running", "Actions running now in this executor.", _runner.Running.Count);
            foreach (var (kind, count) in _reported.Reported.OrderBy(r => r.Key))
            {
                text.Counter("sirocco_executor_results_total", "Action results reported by this executor, by kind.", count, $"kind=\"{kind.ToString().ToLowerInvariant()}\"");
            }
        }

        return text.MeterCounters().ToString();
    }

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
        await DisposeIfAsync(_claims).ConfigureAwait(false);
        await DisposeIfAsync(_claimServer).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static ValueTask DisposeIfAsync(IAsyncDisposable? disposable) =>
        disposable?.DisposeAsync() ?? ValueTask.CompletedTask;
}
