namespace Sirocco.Transport.Queues;

/// <summary>
/// The queue between the engine and action runners. Delivery is at least once: a request that was
/// dequeued but not acknowledged (the runner crashed, or gave it back) is delivered again, flagged
/// <see cref="ITaskDelivery.Redelivered"/>.
/// </summary>
public interface ITaskQueue
{
    /// <summary>
    /// Adds a request to the queue named by its <see cref="RunActionRequest.Target"/>. The engine calls it on the
    /// thread that commits its decisions, so it must not block: what needs I/O (a broker's confirm, a database
    /// read) is awaited asynchronously, or moved off the calling thread first.
    /// </summary>
    ValueTask EnqueueAsync(RunActionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Waits for the next request on queue <paramref name="target"/>.</summary>
    ValueTask<ITaskDelivery> DequeueAsync(string target, CancellationToken cancellationToken);
}
