using System.Diagnostics.CodeAnalysis;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.AdHoc;

/// <summary>
/// The API side of <see cref="AdHocResultSink"/>: a delegate under an ad-hoc action (<c>base: std.mistral_http</c>,
/// <c>std.async_noop</c>, …) is completed through <c>PUT /v2/action_executions/{id}</c> or its callback URL with
/// the base action's raw result; each level's <c>output</c> is applied to it, innermost first, before the
/// idempotency check and the engine see it — so a repeated raw completion matches the transformed stored one.
/// An <c>output</c> that fails to evaluate turns the completion into an ERROR with the reason, as for runners.
/// </summary>
internal static class AdHocCompletion
{
    /// <summary>
    /// True when <see cref="ApplyAsync"/> may change the completion: a SUCCESS of an action of a workflow that is
    /// not registered (a registered action, the usual case, has no chain).
    /// </summary>
    public static bool Applies([NotNullWhen(true)] AdHocChain? chains, ActionExecutionRecord current, string state) =>
        state == ExecutionStates.Success
        && current.WorkflowExecutionId is not null
        && chains is not null
        && !chains.IsRegistered(current.Name);

    /// <summary>The completion as the engine should see it; unchanged unless it is a SUCCESS of an ad-hoc action of a workflow.</summary>
    public static async Task<(string State, JsonNode? Output)> ApplyAsync(IServiceProvider services, ActionExecutionRecord current,
        string state, JsonNode? output, CancellationToken cancellationToken)
    {
        var chains = services.GetService<AdHocChain>();
        if (!Applies(chains, current, state) || current.WorkflowExecutionId is not { } executionId)
        {
            return (state, output);
        }

        try
        {
            var chain = await chains.ResolveAsync(current.Name, executionId, cancellationToken);
            if (chain.Count == 0)
            {
                return (state, output);
            }

            var result = output is null ? Value.Null : JsonValues.Parse(output.ToJsonString());
            return (state, JsonNode.Parse(JsonValues.ToJson(chains.Output(chain, result))));
        }
        catch (ApiException e)
        {
            return (ExecutionStates.Error, JsonValue.Create(e.Message));
        }
    }
}
