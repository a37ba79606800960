using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;

namespace Sirocco.Api.AdHoc;

/// <summary>
/// Applies the <c>output</c> expressions of an ad-hoc action (each level of the chain) to the registered
/// action's successful result before the engine sees it. The chain is found again from the action's stored
/// name, so this holds across restarts; an <c>output</c> that fails to evaluate fails the action.
/// </summary>
internal sealed class AdHocResultSink(IActionResultSink inner, AdHocChain chains, ISiroccoStore store, DurableRuntime runtime) : IActionResultSink
{
    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        inner.ClaimAsync(actionExecutionId, claimant, cancellationToken);

    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == ActionResultKind.Success && await ActionOfAsync(result.ActionExecutionId, cancellationToken).ConfigureAwait(false) is ({ } executionId, { } actionName))
        {
            try
            {
                var chain = await chains.ResolveAsync(actionName, executionId, cancellationToken).ConfigureAwait(false);
                if (chain.Count > 0)
                {
                    var value = result.ValueJson is null ? Value.Null : JsonValues.Parse(result.ValueJson);
                    result = result with { ValueJson = JsonValues.ToJson(chains.Output(chain, value)) };
                }
            }
            catch (ApiException e)
            {
                result = new ActionResultMessage(result.ActionExecutionId, ActionResultKind.Error, JsonValues.ToJson(Value.From(e.Message)));
            }
        }

        await inner.ReportAsync(result, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        inner.HeartbeatAsync(actionExecutionIds, cancellationToken);

    /// <summary>The action's execution and name: from the runtime when it dispatched the action (no read), else from its row.</summary>
    private async Task<(string ExecutionId, string ActionName)?> ActionOfAsync(string actionExecutionId, CancellationToken cancellationToken)
    {
        if (runtime.TryGetDispatchedAction(actionExecutionId, out var executionId, out var actionName))
        {
            return (executionId, actionName);
        }

        return await store.Durable.GetActionAsync(actionExecutionId, cancellationToken).ConfigureAwait(false) is { WorkflowExecutionId: { } stored } action
            ? (stored, action.Name)
            : null;
    }
}
