using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Runner;

/// <summary>
/// Takes "run action" requests from a queue, runs them with bounded concurrency and reports each
/// outcome to an <see cref="IActionResultSink"/>. Delivery is at least once, so a request for an action
/// execution that is running or finished here is not run again: a finished one has its result reported
/// again (completion is idempotent on the engine's side), a running one is simply acknowledged.
/// A request is acknowledged only after its result was reported. A call that is not safe to run twice
/// (<see cref="RunActionRequest.ClaimRequired"/>) starts only once its claim is won; a lost claim means a duplicate
/// (dropped silently) or, for a redelivered request whose first runner died, a failure with Mistral's message.
/// </summary>
public sealed partial class ActionRunner
{
    // A failed report is retried after 1 s, then 2 s, before the request goes back to the queue.
    private const int ReportAttempts = 3;

    private readonly ActionRegistry _registry;
    private readonly ITaskQueue _queue;
    private readonly IActionResultSink _sink;
    private readonly ActionRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, RunningAction> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _cancelledBeforeStart = new(StringComparer.Ordinal);
    private readonly FinishedActions _finished;

    /// <summary>Creates a runner; call <see cref="RunAsync"/> to start consuming.</summary>
    public ActionRunner(
        ActionRegistry registry,
        ITaskQueue queue,
        IActionResultSink sink,
        ActionRunnerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _options = options ?? new ActionRunnerOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<ActionRunner>();
        _finished = new FinishedActions(_options.RememberedResults);
    }

    /// <summary>The action executions running now (delegates that returned pending are not among them).</summary>
    public IReadOnlyCollection<string> Running => [.. _running.Keys];

    /// <summary>
    /// Consumes requests until <paramref name="stoppingToken"/> fires. Actions still running then are
    /// cancelled and their requests go back to the queue, flagged redelivered.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // Two limits: actions running at once, and deliveries in hand (running, or finished and waiting for
        // the engine to store their result). A run slot is given back as soon as the action returns, so
        // while results are being stored the next actions already run and the engine can commit many
        // results at once instead of one commit per run slot.
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        using var inHand = new SemaphoreSlim(_options.MaxConcurrency + _options.MaxUnreportedResults);
        var inFlight = new ConcurrentDictionary<Task, bool>();
        var heartbeats = _options.HeartbeatInterval > TimeSpan.Zero ? HeartbeatLoopAsync(stoppingToken) : Task.CompletedTask;

        // The engine's "stop this call" (task timeout, cancelled execution), when the queue carries it.
        using var cancellations = (_queue as IActionCancellation)?.Subscribe(id => Cancel(id));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await inHand.WaitAsync(stoppingToken).ConfigureAwait(false);
                var slot = new RunSlot(slots);
                ITaskDelivery delivery;
                try
                {
                    await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    slot.Taken();
                    delivery = await _queue.DequeueAsync(_options.Target, stoppingToken).ConfigureAwait(false);
                }
                catch
                {
                    slot.Release();
                    inHand.Release();
                    throw;
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    // Handed over while stopping (possibly a request this runner just gave back): leave it to the next runner.
                    await delivery.NackAsync(requeue: true, CancellationToken.None).ConfigureAwait(false);
                    slot.Release();
                    inHand.Release();
                    break;
                }

                // Both are released inside the awaited task, so never after the semaphores are disposed.
                var work = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await HandleSafelyAsync(delivery, slot, stoppingToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            slot.Release();
                            inHand.Release();
                        }
                    },
                    CancellationToken.None);
                inFlight[work] = true;
                _ = work.ContinueWith(
                    t => inFlight.TryRemove(t, out _),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
        finally
        {
            await Task.WhenAll(inFlight.Keys).ConfigureAwait(false);
            await heartbeats.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Cancels an action execution: a running one is stopped and reported <see cref="ActionResultKind.Cancelled"/>;
    /// one not yet delivered here is reported cancelled when it arrives, without running.
    /// Returns true when the action was running.
    /// </summary>
    public bool Cancel(string actionExecutionId)
    {
        if (_running.TryGetValue(actionExecutionId, out var running))
        {
            running.Cancel();
            return true;
        }

        // A call that already finished here (or went pending, as a delegate) has nothing left to stop.
        if (!_finished.TryGet(actionExecutionId, out _))
        {
            _cancelledBeforeStart[actionExecutionId] = true;
        }

        return false;
    }

    /// <summary>
    /// Handles a delivery; a fault of the runner itself (not of the action) is logged and reported as an
    /// error once, so that the request neither vanishes silently nor comes back forever.
    /// </summary>
    private async Task HandleSafelyAsync(ITaskDelivery delivery, RunSlot slot, CancellationToken stoppingToken)
    {
        try
        {
            await HandleAsync(delivery, slot, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var id = delivery.Request.ActionExecutionId;
            _logger.LogRunnerFault(e, id);
            try
            {
                // A fault after the result was reported (say, the acknowledgement failed) changes nothing for the engine.
                if (!_finished.TryGet(id, out _))
                {
                    var message = $"The action runner failed [action={delivery.Request.ActionName}, action_ex_id={id}, msg='{e.Message}']";
                    var result = ErrorResult(delivery.Request, message);
                    _finished.Add(result);
                    await _sink.ReportAsync(result, CancellationToken.None).ConfigureAwait(false);
                }

                await delivery.NackAsync(requeue: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception secondary)
            {
                _logger.LogReportFailed(secondary, id);
            }
        }
    }

    private async Task HandleAsync(ITaskDelivery delivery, RunSlot slot, CancellationToken stoppingToken)
    {
        var request = delivery.Request;
        var id = request.ActionExecutionId;
        if (_finished.TryGet(id, out var previous))
        {
            _logger.LogDuplicate(id, "finished");
            slot.Release();
            await ReportAndAckAsync(delivery, previous!).ConfigureAwait(false);
            return;
        }

        using var running = new RunningAction(request, stoppingToken);
        if (!_running.TryAdd(id, running))
        {
            _logger.LogDuplicate(id, "running");
            await delivery.AckAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }

        try
        {
            ActionResultMessage? result;
            if (_cancelledBeforeStart.TryRemove(id, out _))
            {
                result = new ActionResultMessage(id, ActionResultKind.Cancelled, null);
            }
            else if (request.ClaimRequired && !request.SafeRerun)
            {
                switch (await ClaimAsync(running).ConfigureAwait(false))
                {
                    case ClaimOutcome.Won:
                        // Even when redelivered: the claim proves no runner ever started it.
                        result = await ExecuteAsync(running).ConfigureAwait(false);
                        break;
                    case ClaimOutcome.Lost when !delivery.Redelivered:
                        // A duplicate publish (the engine re-sent a call it could not prove it had handed over):
                        // the runner that won the claim has it, and reports it. Or the call is over already: a
                        // delegate completed through the API before its delivery was claimed here.
                        _logger.LogDuplicate(id, "claimed by another runner or no longer running");
                        await delivery.AckAsync(CancellationToken.None).ConfigureAwait(false);
                        return;
                    case ClaimOutcome.Lost:
                        // The broker redelivers a request only when its holder went away mid-call: the call may
                        // have started there. Mistral's wording (default_executor.py).
                        result = ErrorResult(
                            request,
                            "Request to run an action was redelivered, but it cannot be re-run safely. " +
                            $"The only safe thing to do is fail it [action={request.ActionName}].");
                        break;
                    default:
                        result = running.CancelRequested ? new ActionResultMessage(id, ActionResultKind.Cancelled, null) : null;
                        break;
                }
            }
            else
            {
                // Safe to run twice: a redelivery (or a duplicate) runs again.
                result = await ExecuteAsync(running).ConfigureAwait(false);
            }

            if (result is null)
            {
                // The runner is stopping: another runner (or this one, restarted) takes the request.
                await delivery.NackAsync(requeue: true, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            _finished.Add(result);

            // The action is done: its slot runs the next one while this result is being stored.
            slot.Release();
            await ReportAndAckAsync(delivery, result).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    private async Task ReportAndAckAsync(ITaskDelivery delivery, ActionResultMessage result)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _sink.ReportAsync(result, CancellationToken.None).ConfigureAwait(false);
                break;
            }
            catch (Exception e)
            {
                _logger.LogReportFailed(e, result.ActionExecutionId);
                if (attempt == ReportAttempts)
                {
                    // Given back, so the request comes again; the remembered result is then reported again.
                    await delivery.NackAsync(requeue: true, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), _time, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await delivery.AckAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var ids = Running;
                if (ids.Count == 0)
                {
                    continue;
                }

                try
                {
                    await _sink.HeartbeatAsync(ids, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogHeartbeatFailed(e, ids.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
