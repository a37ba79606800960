namespace Sirocco.Transport.Queues;

/// <summary>
/// The consuming loop of a queue's server side: takes deliveries one at a time and handles up to a number of them
/// at once, each on its own task; on stop it takes no more and waits for the ones in hand. Handlers catch their own
/// failures (and nack or reply as their queue needs).
/// </summary>
public static class BoundedConsumer
{
    /// <summary>Runs until <paramref name="stopping"/> fires or <paramref name="receive"/> is cancelled under it.</summary>
    public static async Task RunAsync<T>(Func<CancellationToken, ValueTask<T>> receive, Func<T, Task> handle, int concurrency, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(receive);
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        using var slots = new SemaphoreSlim(concurrency);
        var inFlight = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
                T delivery;
                try
                {
                    delivery = await receive(stopping).ConfigureAwait(false);
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(HandleAsync(delivery));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping, or the source was closed under us (its connection disposed): either way the end.
            // What was received and not handled is handed back by the source's owner.
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }

        async Task HandleAsync(T delivery)
        {
            await Task.Yield();
            try
            {
                await handle(delivery).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
