using System.Data.Common;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Executions;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Durable;

/// <summary>Action results coming back from runners (and the API's completion of delegate actions).</summary>
public sealed partial class DurableRuntime
{
    /// <summary>
    /// Applies a runner's report durably. "Pending" marks a delegate so that recovery leaves it waiting.
    /// An output over the size limit fails the action with the limit's message instead.
    /// </summary>
    public async Task ApplyResultAsync(ActionResultMessage result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);

        // The execution of an action this process dispatched is known without reading its row; after a
        // restart, or for another server's action, it is read.
        string executionId;
        if (_dispatchedActions.TryRemove(result.ActionExecutionId, out var dispatched))
        {
            executionId = dispatched.ExecutionId;
        }
        else
        {
            var action = await _store.Durable.GetActionAsync(result.ActionExecutionId, cancellationToken).ConfigureAwait(false);
            if (action?.WorkflowExecutionId is not { } stored)
            {
                return;
            }

            executionId = stored;
        }

        var outcome = RuntimeResultSink.ToOutcome(result);
        if (outcome is null)
        {
            await _store.Durable.ExecuteAsync(async (tx, ct) => { await tx.MarkActionPendingAsync(result.ActionExecutionId, ct).ConfigureAwait(false); return 0; }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CompleteActionAsync(executionId, result.ActionExecutionId, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The execution and action name of an action this process dispatched and whose result has not been
    /// applied yet, known without a read; false otherwise (then read the action row).
    /// </summary>
    public bool TryGetDispatchedAction(string actionExecutionId, out string executionId, out string actionName)
    {
        var found = _dispatchedActions.TryGetValue(actionExecutionId, out var dispatched);
        (executionId, actionName) = found ? dispatched : (string.Empty, string.Empty);
        return found;
    }

    /// <summary>Delivers an action's outcome to its execution; completes once durable.</summary>
    public async Task<EventOutcome> CompleteActionAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        (await CompleteActionReportingAsync(executionId, actionExecutionId, outcome, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// Completes a running action in one unit of the writer, reading the action there rather than before: on SQLite
    /// the writer's connection has the pages in cache and the statement prepared, while a separate read ahead of
    /// the completion cost about a fifth of a callback's time (docs/benchmarks.md). The action as the unit reads
    /// it goes to <paramref name="plain"/>; only when that finds nothing to check first is the outcome decided, in
    /// the same unit. Otherwise nothing changes and the caller goes on with the action as read. On a transient
    /// database error or a result too large to store nothing is stored and <see cref="ActionCompletionAttempt.Current"/>
    /// is null: the caller takes the ordinary way, which retries or fails the action as usual.
    /// </summary>
    public async Task<ActionCompletionAttempt> TryCompleteActionAsync(string actionExecutionId, ActionOutcome outcome, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ActionExecutionRecord? current = null;
        var decided = false;
        try
        {
            var (result, outbox, action) = await _store.Durable.ExecuteAsync(
                async (tx, ct) =>
                {
                    current = await tx.ReadActionExecutionAsync(actionExecutionId, ct).ConfigureAwait(false);
                    if (current?.WorkflowExecutionId is not { } executionId || !plain(current))
                    {
                        return (EventOutcome.Applied, (IReadOnlyList<OutboxMessage>)[], (ActionExecution?)null);
                    }

                    decided = true;
                    return await DecideAsync(tx, new ActionCompleted(executionId, actionExecutionId, outcome), null, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (!decided)
            {
                return new ActionCompletionAttempt(current, false, EventOutcome.Applied, null);
            }

            HandOnCommitted(outbox);
            _dispatchedActions.TryRemove(actionExecutionId, out _);
            return new ActionCompletionAttempt(current, true, result, action);
        }
        catch (Exception e) when (e is DbException { IsTransient: true } or FieldTooLargeException)
        {
            return new ActionCompletionAttempt(null, false, EventOutcome.Applied, null);
        }
    }

    /// <summary>
    /// As <see cref="CompleteActionAsync"/>, and the action as the engine stored it (null when the event did not
    /// change it: a repeat, a refusal, an unknown execution), so that the API can answer without reading it back.
    /// </summary>
    public async Task<(EventOutcome Outcome, ActionExecution? Action)> CompleteActionReportingAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            return await SubmitReportingAsync(new ActionCompleted(executionId, actionExecutionId, outcome), null, cancellationToken).ConfigureAwait(false);
        }
        catch (FieldTooLargeException e)
        {
            // Mistral fails the action (and so its task) when a result breaks the field size limit.
            return await SubmitReportingAsync(new ActionCompleted(executionId, actionExecutionId, ActionOutcome.Failure(Value.From(e.Message))), null, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>What <see cref="DurableRuntime.TryCompleteActionAsync"/> did.</summary>
/// <param name="Current">The action as read before deciding; null when it is unknown or the unit failed (then nothing changed).</param>
/// <param name="Decided">The outcome was decided and stored.</param>
/// <param name="Outcome">What became of the completion event, when decided.</param>
/// <param name="Stored">The action as the engine stored it, when the decision changed it.</param>
public sealed record ActionCompletionAttempt(ActionExecutionRecord? Current, bool Decided, EventOutcome Outcome, ActionExecution? Stored);
