using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Executions;
using Sirocco.Runtime.Durable;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Where the API's state-changing requests (start, pause/resume/cancel, task rerun, action completion) go.
/// In one process it is the durable runtime itself; on an API-only node of a distributed deployment it hands
/// them to the engine nodes. Either way a call returns once the event is durably applied, with its outcome.
/// </summary>
public interface IEventGateway
{
    /// <summary>Applies one event (with the definition snapshot when it starts an execution).</summary>
    Task<EventOutcome> SubmitAsync(EngineEvent @event, ExecutionOrigin? origin, CancellationToken cancellationToken);

    /// <summary>Applies an action's outcome (a delegate's completion), failing it if its output is too large.</summary>
    Task<EventOutcome> CompleteActionAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CompleteActionAsync"/>, and the action as the engine stored it when this gateway can tell (the
    /// engine in this process can); null means "read it".
    /// </summary>
    async Task<(EventOutcome Outcome, ActionExecution? Action)> CompleteActionReportingAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        (await CompleteActionAsync(executionId, actionExecutionId, outcome, cancellationToken).ConfigureAwait(false), null);

    /// <summary>
    /// Reads a running action and completes it in one step when <paramref name="plain"/> finds nothing to check
    /// first (<see cref="DurableRuntime.TryCompleteActionAsync"/>). A gateway to engines elsewhere does not try:
    /// nothing is read or changed, and the caller takes the ordinary way.
    /// </summary>
    Task<ActionCompletionAttempt> TryCompleteActionAsync(string actionExecutionId, ActionOutcome outcome, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken) =>
        Task.FromResult(new ActionCompletionAttempt(null, false, EventOutcome.Applied, null));
}
