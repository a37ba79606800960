using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Transport.Queues;

namespace Sirocco.Api.AdHoc;

/// <summary>
/// Applies the <c>output</c> expressions of an ad-hoc action (each level of the chain) to the registered
/// action's successful result before the engine sees it. The chain is found again from the action's stored
/// name, so this holds across restarts; an <c>output</c> that fails to evaluate fails the action.
/// </summary>
internal sealed class AdHocResultSink(IActionResultSink inner, AdHocChain chains, ISiroccoStore store) : IActionResultSink
{
    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == ActionResultKind.Success
            && await store.Durable.GetActionAsync(result.ActionExecutionId, cancellationToken).ConfigureAwait(false) is { WorkflowExecutionId: { } executionId } action)
        {
            try
            {
                var chain = await chains.ResolveAsync(action.Name, executionId, cancellationToken).ConfigureAwait(false);
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
}
