using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;

namespace Sirocco.Api.AdHoc;

/// <summary>
/// Turns a workflow task's call of an ad-hoc action into a call of the registered action under it, before
/// the runner sees it (runners know registered actions only). Bad input fails the action at once with
/// Mistral's message instead of reaching a runner.
/// </summary>
internal sealed class AdHocQueue(ITaskQueue inner, AdHocChain chains, IServiceProvider services) : ITaskQueue
{
    public async ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!chains.IsRegistered(request.ActionName))
        {
            // Resolving an ad-hoc action reads the database (SQLite answers synchronously): not on the caller's
            // thread, which commits the engine's decisions (ITaskQueue.EnqueueAsync).
            await Task.Yield();
        }

        try
        {
            var chain = await chains.ResolveAsync(request.ActionName, request.ExecutionId, cancellationToken).ConfigureAwait(false);
            if (chain.Count > 0)
            {
                var (name, input) = chains.BaseCall(chain, JsonValues.Parse(request.InputJson) as DictValue ?? DictValue.Empty);
                request = request with { ActionName = name, InputJson = JsonValues.ToJson(input) };
            }
        }
        catch (ApiException e)
        {
            // The runtime is resolved late: it is built with this queue.
            var runtime = services.GetRequiredService<DurableRuntime>();
            await runtime.ApplyResultAsync(new ActionResultMessage(request.ActionExecutionId, ActionResultKind.Error, JsonValues.ToJson(Value.From(e.Message))), cancellationToken).ConfigureAwait(false);
            return;
        }

        await inner.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken) => inner.DequeueAsync(target, cancellationToken);
}
