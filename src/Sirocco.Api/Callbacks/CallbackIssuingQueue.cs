using Sirocco.Transport.Queues;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// Sits between the durable runtime and the task queue: every action of a workflow leaves with a fresh
/// callback URL (<c>{base}/v2/callbacks/{actionExecutionId}/{token}</c>) in its context, so a delegate can hand
/// the URL on at once. The token is signed, not stored: issuing it writes nothing, and it is never logged.
/// </summary>
internal sealed class CallbackIssuingQueue(ITaskQueue inner, CallbackSigner signer, CallbackUrls urls) : ITaskQueue
{
    public async ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExecutionId is not null && request.CallbackUrl is null && urls.BaseUrl() is { } baseUrl)
        {
            var token = await signer.IssueAsync(request.ActionExecutionId, cancellationToken).ConfigureAwait(false);
            request = request with { CallbackUrl = new Uri(baseUrl, $"v2/callbacks/{Uri.EscapeDataString(request.ActionExecutionId)}/{token}") };
        }

        await inner.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken) => inner.DequeueAsync(target, cancellationToken);
}
