using Sirocco.Transport.Queues;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// Sits between the durable runtime and the task queue: every action of a workflow leaves with a fresh
/// callback URL (<c>{base}/v2/callbacks/{actionExecutionId}/{token}</c>) in its context, the token's hash
/// stored first, so a delegate can hand the URL on at once. The token itself is never stored or logged.
/// </summary>
internal sealed class CallbackIssuingQueue(ITaskQueue inner, ICallbackTokenStore tokens, CallbackUrls urls, CallbackOptions options, TimeProvider clock) : ITaskQueue
{
    public async ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExecutionId is not null && request.CallbackUrl is null && urls.BaseUrl() is { } baseUrl)
        {
            var token = CallbackToken.New();
            var now = clock.GetUtcNow();
            await tokens.AddAsync(new StoredCallbackToken(request.ActionExecutionId, CallbackToken.Hash(token), now, now + options.TokenLifetime), cancellationToken).ConfigureAwait(false);
            request = request with { CallbackUrl = new Uri(baseUrl, $"v2/callbacks/{Uri.EscapeDataString(request.ActionExecutionId)}/{token}") };
        }

        await inner.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken) => inner.DequeueAsync(target, cancellationToken);
}
