using System.Data.Common;
using Microsoft.Extensions.Logging;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Durable;

/// <summary>Hands committed commands on: actions to the task queue, sub-workflow traffic back in as events.</summary>
public sealed partial class DurableRuntime
{
    private const int MaxRememberedDispatches = 100_000;
    private static readonly TimeSpan MarkDispatchedWindow = TimeSpan.FromMilliseconds(20);

    private async Task DispatchLoopAsync(CancellationToken stopping)
    {
        await foreach (var message in _dispatch.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            // Commands are independent of each other; follow-up events must not wait behind one another.
            _ = DispatchOneAsync(message, stopping);
        }
    }

    private async Task DispatchOneAsync(OutboxMessage message, CancellationToken stopping)
    {
        try
        {
            var command = CommandCodec.Decode(message.Kind, message.PayloadJson);

            // Published first, marked after (batched): a crash in between leaves the row undispatched and recovery
            // publishes it again. That is harmless for every call: one that needs a claim runs only on the runner
            // whose claim wins, the others are safe to run twice.
            await HandleAsync(command, stopping).ConfigureAwait(false);
            _dispatched.Enqueue((message.Id, (command as RunAction)?.ActionExecutionId));
            _markWake.Release();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Left undispatched: recovery sends it again at the next start.
        }
        catch (Exception e)
        {
            LogDispatchFailed(_logger, message.Id, message.Kind, e);
        }
    }

    private async Task HandleAsync(EngineCommand command, CancellationToken ct)
    {
        switch (command)
        {
            case RunAction run:
                RememberDispatched(run);
                await _queue.EnqueueAsync(
                    new RunActionRequest
                    {
                        ActionExecutionId = run.ActionExecutionId,
                        ActionName = run.ActionName,
                        InputJson = JsonValues.ToJson(run.Input),
                        ExecutionId = run.ExecutionId,
                        TaskExecutionId = run.TaskExecutionId,
                        Target = run.Target ?? RunActionRequest.DefaultTarget,
                        SafeRerun = run.SafeRerun,
                        ClaimRequired = ClaimRequired(run),
                    },
                    ct).ConfigureAwait(false);
                break;
            case StartSubworkflow start:
                await StartChildAsync(start, ct).ConfigureAwait(false);
                break;
            case NotifyParent notify:
                await SubmitAsync(new SubworkflowCompleted(notify.ParentExecutionId, notify.ChildExecutionId, notify.State, notify.Output, notify.StateInfo), null, ct).ConfigureAwait(false);
                break;
            case SignalSubworkflow signal:
                await SubmitAsync(signal.Event, null, ct).ConfigureAwait(false);
                break;
            case CompleteExecution complete:
                if (_waiters.TryRemove(complete.ExecutionId, out var waiter))
                {
                    waiter.TrySetResult(complete.State.ToMistral());
                }

                break;
            case CancelAction cancel:
                if (_cancellation is not null)
                {
                    await _cancellation.CancelAsync(cancel.ActionExecutionId, ct).ConfigureAwait(false);
                }

                break;
            default:
                // Notify (webhooks) belongs to another component; the runtime records it in the outbox and history only.
                break;
        }
    }

    /// <summary>
    /// A call without safe-rerun must be claimed by its runner before it starts, so that it starts at most once;
    /// actions without side effects may run twice whatever their task says.
    /// </summary>
    private bool ClaimRequired(RunAction run) => !run.SafeRerun && !_options.SideEffectFreeActions.Contains(run.ActionName);

    private void RememberDispatched(RunAction run)
    {
        // Bounded: results that never come (a lost runner, a delegate completed through the API) must
        // not grow it forever; forgetting only costs a read.
        if (_dispatchedActions.Count >= MaxRememberedDispatches)
        {
            _dispatchedActions.Clear();
        }

        _dispatchedActions[run.ActionExecutionId] = (run.ExecutionId, run.ActionName);
    }

    private async Task StartChildAsync(StartSubworkflow start, CancellationToken ct)
    {
        // A sub-workflow runs the definition of its parent's document when it is there (workbooks,
        // files of several workflows), else the stored workflow of that name. Always read the parent's
        // snapshot: the command may be re-sent by recovery or by another engine that never parsed the
        // parent, and asking only "is the parent's spec cached here" failed such children as not found.
        ExecutionOrigin? origin = null;
        var parentYaml = await ParentDefinitionAsync(start.Parent.ParentExecutionId, ct).ConfigureAwait(false);
        if (parentYaml is not null && _specs.Find(parentYaml, start.WorkflowName) is not null)
        {
            origin = new ExecutionOrigin(start.WorkflowName, null, "", parentYaml);
        }
        else if (await _store.Definitions.GetAsync(DefinitionKind.Workflow, start.WorkflowName, "", ct).ConfigureAwait(false) is { } stored)
        {
            origin = new ExecutionOrigin(stored.Name, stored.Id, stored.Namespace, stored.Definition, stored.ProjectId);
        }

        if (origin is null)
        {
            await SubmitAsync(new SubworkflowCompleted(start.Parent.ParentExecutionId, start.ChildExecutionId, ExecutionState.Error, DictValue.Empty, $"Workflow not found [workflow_name={start.WorkflowName}]"), null, ct).ConfigureAwait(false);
            return;
        }

        await SubmitAsync(new StartWorkflow(start.ChildExecutionId, start.Input, start.Params, start.Description) { Parent = start.Parent }, origin, ct).ConfigureAwait(false);
    }

    private Task<string?> ParentDefinitionAsync(string parentExecutionId, CancellationToken ct) =>
        _store.Durable.ExecuteAsync((tx, token) => tx.GetDefinitionTextAsync(parentExecutionId, token), ct);

    private async Task MarkDispatchedLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await _markWake.WaitAsync(stopping).ConfigureAwait(false);

                // A short window gathers the marks of the next few dispatches into one statement and one
                // unit (a chain dispatches one command per task): one commit fewer per task. Wall-clock on
                // purpose: it is a batching window, not workflow time.
                await Task.Delay(MarkDispatchedWindow, stopping).ConfigureAwait(false);
                await MarkDispatchedNowAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what was handed over is marked now, so a restart does not send it again.
            try
            {
                await MarkDispatchedNowAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The store closed first: those commands are sent again at the next start (at least once).
            }
        }
    }

    private async Task MarkDispatchedNowAsync()
    {
        var sent = new List<(long, string?)>();
        while (_dispatched.TryDequeue(out var item))
        {
            sent.Add(item);
        }

        if (sent.Count > 0)
        {
            try
            {
                // Shares a commit with the events being written; losing it only means a re-send, which a claim makes harmless.
                await MarkSentAsync(sent, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ObjectDisposedException)
            {
                LogMarkFailed(_logger, sent.Count, e);
            }
        }
    }

    /// <summary>
    /// Marks outbox rows dispatched and their action calls SENT (in the queue: a runner may have them) in one
    /// commit. The long first-heartbeat grace is for a call waiting in the queue; a claim replaces it with one
    /// heartbeat timeout, and the mark never overwrites a claim that landed first.
    /// </summary>
    private async Task MarkSentAsync(IReadOnlyList<(long OutboxId, string? ActionExecutionId)> sent, CancellationToken ct)
    {
        DateTimeOffset? deadline = _options.HeartbeatTimeoutOrNull is null ? null : _options.Clock.GetUtcNow() + _options.FirstHeartbeatTimeout;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var busy = await _store.Durable.MarkSentAsync(sent, deadline, ct).ConfigureAwait(false);
                foreach (var pair in busy)
                {
                    // Its row was being changed (completed, claimed) as the mark came: try again with the next batch.
                    _dispatched.Enqueue(pair);
                }

                if (busy.Count > 0)
                {
                    _markWake.Release();
                }

                return;
            }
            catch (DbException e) when (e.IsTransient && attempt < _options.TransientRetries)
            {
                LogTransientRetry(_logger, "(dispatch marks)", e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Could not mark {Count} dispatched commands; they may be sent again after a restart (a claim keeps calls from running twice)")]
    private static partial void LogMarkFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Dispatching outbox message {OutboxId} ({Kind}) failed; it stays in the outbox")]
    private static partial void LogDispatchFailed(ILogger logger, long outboxId, string kind, Exception exception);
}
