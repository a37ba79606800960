using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>
/// A hand-over that reaches the runner and then "crashes" the dispatcher: the request is delivered
/// (the runner may start the call) but the runtime sees a failure, as when the process dies between
/// handing a command over and recording that it did.
/// </summary>
internal sealed class CrashingHandOver(ITaskQueue inner) : ITaskQueue
{
    private int _handedOver;

    public int HandedOver => Volatile.Read(ref _handedOver);

    public async ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default)
    {
        await inner.EnqueueAsync(request, cancellationToken);
        Interlocked.Increment(ref _handedOver);
        throw new IOException("the server died right after the hand-over");
    }

    public ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken) => inner.DequeueAsync(target, cancellationToken);
}
