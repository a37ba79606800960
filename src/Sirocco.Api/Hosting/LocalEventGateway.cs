using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Executions;
using Sirocco.Runtime.Durable;

namespace Sirocco.Api.Hosting;

/// <summary>The engine in this process.</summary>
internal sealed class LocalEventGateway(DurableRuntime runtime) : IEventGateway
{
    public Task<EventOutcome> SubmitAsync(EngineEvent @event, ExecutionOrigin? origin, CancellationToken cancellationToken) =>
        runtime.SubmitAsync(@event, origin, cancellationToken);

    public Task<EventOutcome> CompleteActionAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        runtime.CompleteActionAsync(executionId, actionExecutionId, outcome, cancellationToken);

    public Task<(EventOutcome Outcome, ActionExecution? Action)> CompleteActionReportingAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        runtime.CompleteActionReportingAsync(executionId, actionExecutionId, outcome, cancellationToken);

    public Task<ActionCompletionAttempt> TryCompleteActionAsync(string actionExecutionId, ActionOutcome outcome, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken) =>
        runtime.TryCompleteActionAsync(actionExecutionId, outcome, plain, cancellationToken);
}
